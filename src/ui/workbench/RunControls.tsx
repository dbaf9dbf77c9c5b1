import { MAX_SPEED, playsInWorker } from '../../session/playSpeeds';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import { HISTORY_LIMITS } from '../../session/training/runHistory';

/** Fast play, the measured speed, and the step slider (time travel). */
export function RunControls() {
  const step = useAppStore((s) => s.stats.step);
  const accuracy = useAppStore((s) => s.stats.accuracy);
  const { historySteps, stepsPerSecond, fast } = useAppStore((s) => s.workbench);
  const playingFast = useAppStore((s) => s.playing && playsInWorker(s));
  const session = useSession();
  const toggleFast = () => {
    const s = useAppStore.getState();
    if (playingFast) s.setPlaying(false);
    else {
      s.setSpeed(MAX_SPEED);
      s.setPlaying(true);
    }
  };
  const end = Math.max(historySteps, step);
  return (
    <div className="wb-run">
      <div className="wb-row">
        <button
          data-testid="train-fast"
          className={playingFast ? 'active' : ''}
          onClick={toggleFast}
          title="Train at full speed in a Web Worker (speed: max)"
        >
          {playingFast ? 'Pause ‖' : 'Train fast ▶▶'}
        </button>
        <span className="wb-rate" title="training steps per second in the worker">
          <b data-testid="steps-per-second">
            {stepsPerSecond > 0 ? Math.round(stepsPerSecond).toLocaleString('en-US') : '—'}
          </b>{' '}
          steps/s{fast ? ' ·  training…' : ''}
        </span>
      </div>
      <label className="wb-slider">
        <span>
          step <b data-testid="slider-step">{step}</b> / {end} · accuracy{' '}
          <b data-testid="wb-accuracy">
            {Number.isNaN(accuracy) ? '—' : `${Math.round(accuracy * 100)}%`}
          </b>
        </span>
        <input
          type="range"
          data-testid="step-slider"
          min={0}
          max={end}
          value={step}
          onChange={(e) => session.placeAt(Number(e.target.value))}
          title={`Scrub to any earlier step. Every step's weights are kept up to ${HISTORY_LIMITS.maxDenseStates - 1} steps, then every ${HISTORY_LIMITS.sparseEvery}th (the rest are replayed).`}
        />
      </label>
    </div>
  );
}
