import { BoundaryView } from './BoundaryView';
import { LossChart } from './LossChart';
import { NotebookCompare } from './NotebookCompare';
import { PresetSelect } from './PresetControls';
import { RunControls } from './RunControls';
import { SetupControls } from './SetupControls';
import './workbench.css';

/**
 * The MLP scenario's training workbench: preset and setup, decision boundary, fast play, time
 * travel, micrograd's notebook beside the run (on its preset), charts.
 */
export function WorkbenchPanel() {
  return (
    <section className="workbench" aria-label="training workbench">
      <div className="wb-head">
        <h2>Workbench</h2>
        <PresetSelect />
      </div>
      <SetupControls />
      <BoundaryView />
      <RunControls />
      <NotebookCompare />
      <LossChart />
    </section>
  );
}
