import { MemoryPanel } from './memory/MemoryPanel';
import { ErrorBanner } from './ErrorBanner';
import { GraphPanel } from './GraphPanel';
import { Header } from './Header';
import { StatsPanel } from './StatsPanel';
import { useKeyboard } from './useKeyboard';
import './panels.css';

/** The one screen: controls and caption on top, the graph left, memory and stats right. */
export function App() {
  useKeyboard();
  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <main className="main">
        <GraphPanel />
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
