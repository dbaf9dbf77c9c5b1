import { useAppStore } from '../store/appStore';
import { useSession } from './SessionContext';
import './stepping.css';

/**
 * The step's events as a line: back one phase or node, a slider over every event of the step
 * (event 0 is its start, the last its end) that scrubs forward or back, and the toggle that
 * lets → pass over records with nothing to pass on in backward.
 */
export function EventSlider() {
  const session = useSession();
  const timeline = useAppStore((s) => s.timeline);
  const phase = useAppStore((s) => s.phase);
  const skipLeaves = useAppStore((s) => s.skipLeaves);
  const setSkipLeaves = useAppStore((s) => s.setSkipLeaves);
  const index = timeline?.index ?? 0;
  const last = timeline?.last ?? 0;
  return (
    <div className="event-bar" role="group" aria-label="events of this step">
      <button onClick={session.phaseBack} title="Back to the end of the previous phase (↑)">
        « Phase
      </button>
      <button onClick={session.stepBack} title="Back one node (← or Backspace)">
        ‹ Node
      </button>
      <label className="event-range">
        <span>event</span>
        <input
          type="range"
          data-testid="event-slider"
          min={0}
          max={last}
          value={index}
          disabled={!timeline}
          aria-valuetext={`event ${index} of ${last}: ${phase}`}
          onChange={(e) => session.placeEvent(Number(e.target.value))}
        />
        <output data-testid="event-index">{timeline ? `${index} / ${last}` : 'playing'}</output>
      </label>
      <label
        className="skip-leaves"
        title="In backward, → passes over inputs, weights and constants: they have no parents to pass a gradient on to"
      >
        <input
          type="checkbox"
          data-testid="skip-leaves"
          checked={skipLeaves}
          onChange={(e) => setSkipLeaves(e.target.checked)}
        />
        skip leaves
      </label>
    </div>
  );
}
