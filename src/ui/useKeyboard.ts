import { useEffect } from 'react';
import { useSession } from './SessionContext';

/** Whether a key event belongs to a text field (then shortcuts stay out of the way). */
function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || target.isContentEditable;
}

/** Space plays/pauses, → steps a node, ↓ a phase, Enter a whole step, ← / Backspace and ↑ step back, R resets. */
export function useKeyboard(): void {
  const session = useSession();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
      const actions: Record<string, () => void> = {
        ' ': session.togglePlay,
        ArrowRight: session.stepNode,
        ArrowDown: session.stepPhase,
        ArrowLeft: session.stepBack,
        Backspace: session.stepBack,
        ArrowUp: session.phaseBack,
        Enter: session.stepWhole,
        r: session.reset,
        R: session.reset,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}
