import { useEffect } from 'react';
import { useSession } from '../SessionContext';
import { ClassicBugPanel } from './ClassicBugPanel';
import { CppHeapView } from './CppHeapView';
import { CppRows } from './CppRows';
import { EngineDetails } from './EngineDetails';
import { Folds, type Fold } from './Folds';
import { GuideBackwardPanel } from './GuideBackwardPanel';
import { GuideLoopPanel } from './GuideLoopPanel';
import { Layouts } from './Layouts';
import { LiveCompare } from './LiveCompare';
import { Reasons } from './Reasons';
import './compare.css';

const FOLDS: readonly Fold[] = [
  { id: 'engines', label: 'Allocations and free', content: <EngineDetails /> },
  { id: 'cpp', label: 'The guide’s C++, timed', content: <CppRows /> },
  { id: 'cpp-heap', label: 'The C++ heap', content: <CppHeapView /> },
  { id: 'backward', label: 'The guide’s backward', content: <GuideBackwardPanel /> },
  { id: 'loop', label: 'The guide’s loop', content: <GuideLoopPanel /> },
  { id: 'bug', label: 'The classic bug', content: <ClassicBugPanel /> },
  { id: 'layouts', label: 'Byte for byte', content: <Layouts /> },
  { id: 'reasons', label: 'The four reasons', content: <Reasons /> },
];

/**
 * The "Before vs after" scenario's main view: the live measurement, what each engine allocates,
 * the guide's two mistakes, the classic bug, and the guide's four reasons with their evidence
 * (in presenter mode: the headline, the strip and the losses, the rest behind buttons). It
 * scrolls, so it is one Tab stop. Its measurement worker runs while the panel is on screen.
 */
export function ComparePanel() {
  const session = useSession();
  useEffect(() => {
    session.compare.enter();
    return () => session.compare.leave();
  }, [session]);
  return (
    <section
      className="compare"
      aria-label="before vs after"
      data-testid="compare-panel"
      tabIndex={0}
    >
      <h2>Before vs after: why arenas</h2>
      <LiveCompare />
      <Folds folds={FOLDS} />
    </section>
  );
}
