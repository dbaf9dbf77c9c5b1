import { SPEEDS } from '../session/playSpeeds';
import { useAppStore } from '../store/appStore';
import { useSession } from './SessionContext';

/**
 * Step at three grains, play/pause with speed, reset. Without `steps` (a touch screen, where the
 * step buttons sit in the thumb bar): the speed and reset only.
 */
export function Controls({ steps = true }: { steps?: boolean }) {
  const session = useSession();
  const speed = useAppStore((s) => s.speed);
  const setSpeed = useAppStore((s) => s.setSpeed);
  return (
    <div className="controls" role="toolbar" aria-label="stepping">
      {steps && <StepButtons />}
      <select
        data-testid="speed"
        aria-label="speed"
        value={speed}
        onChange={(e) => setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s, i) => (
          <option key={s.label} value={i}>
            {s.label}
          </option>
        ))}
      </select>
      <button data-testid="reset" onClick={session.reset} title="Back to the initial weights (R)">
        Reset ↺
      </button>
    </div>
  );
}

/** Node, Phase, Step and Play/Pause: in the header, or in the thumb bar on a touch screen. */
export function StepButtons() {
  const session = useSession();
  const playing = useAppStore((s) => s.playing);
  return (
    <>
      <button
        data-testid="step-node"
        onClick={session.stepNode}
        title="One node of forward or backward (→)"
      >
        Node ›
      </button>
      <button data-testid="step-phase" onClick={session.stepPhase} title="One phase (↓)">
        Phase »
      </button>
      <button
        data-testid="step"
        onClick={session.stepWhole}
        title="One whole training step (Enter)"
      >
        Step ⇥
      </button>
      <button
        data-testid="play"
        className={playing ? 'active' : ''}
        onClick={session.togglePlay}
        title="Play / pause (Space)"
      >
        {playing ? 'Pause ‖' : 'Play ▶'}
      </button>
    </>
  );
}
