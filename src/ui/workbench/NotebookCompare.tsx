import { unitsInLastPlace } from '../../core';
import { NOTEBOOK_STEPS, notebookLine, presetBaseOf, presetOf } from '../../setup';
import { useAppStore } from '../../store/appStore';
import { TermText } from '../glossary/TermText';

/** `x` with a real minus sign. */
const signed = (x: string): string => x.replace(/^-/, '−');

/** A percentage as the notebook printed it (`acc*100`), without Python's trailing `.0`. */
const percent = (x: number): string => `${x}%`;

/**
 * micrograd's notebook beside this run, on micrograd's preset: the loss and accuracy the notebook
 * printed at the step whose loss is on screen, ours, and how many units in the last place apart
 * the losses are, with why they can differ at all.
 */
export function NotebookCompare() {
  const training = useAppStore((s) => s.training);
  const loss = useAppStore((s) => s.stats.loss);
  const accuracy = useAppStore((s) => s.stats.accuracy);
  const lossStep = useAppStore((s) => s.stats.lossStep);
  const step = useAppStore((s) => s.stats.step);
  if (presetBaseOf(training) !== 'micrograd') return null;
  // The step whose loss is on screen; before any, the step about to run.
  const shown = Number.isNaN(lossStep) ? step : lossStep;
  const line = notebookLine(shown);
  const known = !Number.isNaN(loss);
  const units = known && line ? unitsInLastPlace(loss, line.loss) : NaN;
  let body;
  if (presetOf(training) !== 'micrograd') {
    body = (
      <p className="wb-nb-note">
        The setup is no longer the notebook’s run: its printout does not apply (choose the preset
        again to compare).
      </p>
    );
  } else if (!line) {
    body = (
      <p className="wb-nb-note">
        Step {shown}: the notebook printed steps 0–{NOTEBOOK_STEPS - 1} only.
      </p>
    );
  } else {
    body = (
      <>
        <table className="wb-nb-table">
          <thead>
            <tr>
              <th
                scope="col"
                title={`The loss on screen is step ${shown}’s (before its update): the notebook’s “step ${shown}” line`}
              >
                step <span data-testid="notebook-step">{shown}</span>
              </th>
              <th scope="col">loss</th>
              <th scope="col">accuracy</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">notebook</th>
              <td data-testid="notebook-loss">{signed(String(line.loss))}</td>
              <td data-testid="notebook-accuracy">{percent(line.accuracyPercent)}</td>
            </tr>
            <tr>
              <th scope="row">ours</th>
              <td data-testid="our-loss">{known ? signed(String(loss)) : 'not yet'}</td>
              <td data-testid="our-accuracy">{known ? percent(accuracy * 100) : '—'}</td>
            </tr>
          </tbody>
        </table>
        <p
          className="wb-nb-diff"
          title={known ? `ours − notebook = ${signed((loss - line.loss).toExponential(3))}` : ''}
        >
          difference: <b data-testid="notebook-diff">{known ? signed(String(units)) : '—'}</b>{' '}
          <TermText text="units in the last place" />
        </p>
      </>
    );
  }
  return (
    <section className="wb-notebook" aria-label="micrograd’s notebook beside this run">
      {body}
      <details
        className="wb-nb-why"
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.open = false;
        }}
      >
        <summary>why the last digit can differ</summary>
        <p>
          micrograd keeps a Value’s parents in a Python set, whose order follows object addresses,
          so backward adds up a gradient’s pieces in an order that changes from run to run; this
          engine adds them in the order the graph was built. Floating-point addition is not
          associative: (a + b) + c and a + (b + c) can differ in the last digit. So step 0’s loss
          (no gradient yet) is the same number, later losses differ by a few (at most a few dozen)
          units in the last place (at most 6e−15 of the loss), and the accuracy is the same at every
          step. With its parents kept in creation order, micrograd gives this engine’s numbers bit
          for bit.
        </p>
      </details>
    </section>
  );
}
