import { BoundaryView } from './BoundaryView';
import { LossChart } from './LossChart';
import { RunControls } from './RunControls';
import { SetupControls } from './SetupControls';
import './workbench.css';

/** The MLP scenario's training workbench: setup, decision boundary, fast play, time travel, charts. */
export function WorkbenchPanel() {
  return (
    <section className="workbench" aria-label="training workbench">
      <h2>Workbench</h2>
      <SetupControls />
      <BoundaryView />
      <RunControls />
      <LossChart />
    </section>
  );
}
