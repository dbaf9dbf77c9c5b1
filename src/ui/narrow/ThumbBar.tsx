import { StepButtons } from '../Controls';
import { useSession } from '../SessionContext';

/**
 * The step buttons where a thumb reaches them, at the bottom of a touch screen (and of the
 * narrow layout): Back, Node, Phase, Step and Play, large. The header keeps the speed and reset.
 */
export function ThumbBar() {
  const session = useSession();
  return (
    <div className="thumb-bar" role="group" aria-label="step">
      <button data-testid="step-back" onClick={session.stepBack} title="Back one node (←)">
        ‹ Back
      </button>
      <StepButtons />
    </div>
  );
}
