import { useEffect } from 'react';
import { useSession } from '../SessionContext';
import { ClassicBugPanel } from './ClassicBugPanel';
import { CppHeapView } from './CppHeapView';
import { CppRows } from './CppRows';
import { GuideBackwardPanel } from './GuideBackwardPanel';
import { GuideLoopPanel } from './GuideLoopPanel';
import { Layouts } from './Layouts';
import { LiveCompare } from './LiveCompare';
import { Reasons } from './Reasons';
import './compare.css';

/**
 * The "Before vs after" scenario's main view: the live measurement, the guide's two mistakes,
 * the classic bug, and the guide's four reasons with their evidence. Its measurement worker
 * runs while the panel is on screen.
 */
export function ComparePanel() {
  const session = useSession();
  useEffect(() => {
    session.compare.enter();
    return () => session.compare.leave();
  }, [session]);
  return (
    <section className="compare" aria-label="before vs after" data-testid="compare-panel">
      <h2>Before vs after: why arenas</h2>
      <LiveCompare />
      <CppRows />
      <CppHeapView />
      <GuideBackwardPanel />
      <GuideLoopPanel />
      <ClassicBugPanel />
      <Layouts />
      <Reasons />
    </section>
  );
}
