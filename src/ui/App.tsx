import { useCallback, useRef } from 'react';
import { MemoryPanel } from './memory/MemoryPanel';
import { ErrorBanner } from './ErrorBanner';
import { UrlNote } from './export/UrlNote';
import { GraphPanel } from './GraphPanel';
import { Header } from './Header';
import { StatsPanel } from './StatsPanel';
import { KeysDialog } from './KeysDialog';
import { StartHere } from './StartHere';
import { TourPanel } from './tour/TourPanel';
import { useKeyboard } from './useKeyboard';
import { useAppStore } from '../store/appStore';
import { WorkbenchPanel } from './workbench/WorkbenchPanel';
import { ComparePanel } from './compare/ComparePanel';
import { GuideDoc } from './guide/GuideDoc';
import { NarrowHeader } from './narrow/NarrowHeader';
import { PanelTabs } from './narrow/PanelTabs';
import { ThumbBar } from './narrow/ThumbBar';
import { useShownPanel } from './narrow/panels';
import { useLayoutMode } from './narrow/useLayoutMode';
import { useNarrowFollow } from './narrow/useNarrowFollow';
import './panels.css';
import './header.css';
import './presenter.css';
import './touch.css';
import './narrow.css';

/**
 * The one screen: controls and caption on top, the graph left, memory and stats right. On a
 * phone (the narrow layout) one panel at a time, switched by the panel tabs; on a touch screen
 * the step buttons in the thumb bar at the bottom (docs/phone.md).
 */
export function App() {
  const keysDialog = useRef<HTMLDialogElement>(null);
  const showKeys = useCallback(() => keysDialog.current?.showModal(), []);
  useKeyboard(showKeys);
  const workbench = useAppStore((s) => s.scenario === 'mlp');
  const compare = useAppStore((s) => s.scenario === 'compare');
  const wide = useAppStore((s) => s.wideGraph);
  const presenter = useAppStore((s) => s.presenter);
  const view = useAppStore((s) => s.viewOptions);
  const touring = useAppStore((s) => s.tourChapter !== null);
  const { narrow, thumbs } = useLayoutMode();
  const panel = useShownPanel();
  useNarrowFollow(narrow);
  const classes = [
    'app',
    narrow ? 'narrow' : '',
    thumbs ? 'thumbs' : '',
    narrow && touring ? 'touring' : '',
    presenter ? 'presenter' : '',
    compare ? 'scenario-compare' : '',
    view.embed ? 'embed' : '',
    ...view.hidden.map((panel) => `hide-${panel}`),
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="app"
      data-panel={narrow ? panel : undefined}
    >
      {narrow ? <NarrowHeader /> : <Header showKeys={showKeys} steps={!thumbs} />}
      <TourPanel />
      <ErrorBanner />
      <UrlNote />
      {narrow && <PanelTabs />}
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
      {thumbs && <ThumbBar />}
      <KeysDialog ref={keysDialog} />
      <StartHere />
      <GuideDoc />
    </div>
  );
}
