import { MemoryPanel } from './memory/MemoryPanel';
import { ErrorBanner } from './ErrorBanner';
import { UrlNote } from './export/UrlNote';
import { GraphPanel } from './GraphPanel';
import { Header } from './Header';
import { StatsPanel } from './StatsPanel';
import { useKeyboard } from './useKeyboard';
import { useAppStore } from '../store/appStore';
import { WorkbenchPanel } from './workbench/WorkbenchPanel';
import { ComparePanel } from './compare/ComparePanel';
import './panels.css';

/** The one screen: controls and caption on top, the graph left, memory and stats right. */
export function App() {
  useKeyboard();
  const workbench = useAppStore((s) => s.scenario === 'mlp');
  const compare = useAppStore((s) => s.scenario === 'compare');
  const wide = useAppStore((s) => s.wideGraph);
  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <UrlNote />
      <main
        className={`main${workbench ? ' with-workbench' : ''}${compare ? ' with-compare' : ''}${wide ? ' wide' : ''}`}
      >
        <GraphPanel />
        {workbench && <WorkbenchPanel />}
        {compare && <ComparePanel />}
        <aside className="side">
          <div className="side-memory">
            <MemoryPanel />
          </div>
          <StatsPanel />
        </aside>
      </main>
    </div>
  );
}
