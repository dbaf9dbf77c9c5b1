import { useEffect } from 'react';
import { useAppStore } from '../store/appStore';
import { useSession } from './SessionContext';
import { appOwnsKey, ownsEveryKey } from './keyOwnership';
import { tourNext } from './tour/tourCommands';

export { appOwnsKey } from './keyOwnership';

/** The app's keys, for the shortcut list (`?`). */
export const APP_KEYS: readonly { keys: string[]; what: string }[] = [
  { keys: ['Space'], what: 'play / pause' },
  { keys: ['→'], what: 'one node of forward or backward' },
  { keys: ['↓'], what: 'one phase: mark → forward → loss → backward → update → reset' },
  { keys: ['Enter'], what: 'one whole training step' },
  { keys: ['←', 'Backspace'], what: 'step back one node' },
  { keys: ['↑'], what: 'step back one phase' },
  { keys: ['R'], what: 'reset to the initial weights' },
  { keys: ['C'], what: 'show or hide the code beside the graph' },
  {
    keys: ['Y'],
    what: 'your turn: the step keys stop before each reveal and ask you to predict it (Y again: off)',
  },
  { keys: ['P'], what: 'presenter mode: large type, the essential panels (P again to leave)' },
  { keys: ['?'], what: 'this list of keys' },
  { keys: ['Tab'], what: 'move between controls; the graph and the memory are one stop each' },
  { keys: ['Enter'], what: 'on the focused graph or memory view: walk it with the arrows' },
  { keys: ['↑', '↓', '←', '→'], what: 'while walking the graph: to a parent, a child, a sibling' },
  { keys: ['Enter'], what: 'while walking: decode the record under the cursor' },
  { keys: ['E'], what: 'on a focused graph weight: edit it (between steps)' },
  { keys: ['Esc'], what: 'stop walking; close the tour, a dialog or a popover' },
];

/**
 * The page's keys. Space plays/pauses (during the tour: the chapter's action, then the next
 * chapter), → steps a node, ↓ a phase, Enter a whole step, ← / Backspace and ↑ step back, R
 * resets, P presenter mode, C the code pane, ? the key list, Esc closes the tour: wherever focus
 * is, unless the focused control owns the key ({@link appOwnsKey}).
 */
export function useKeyboard(showKeys: () => void): void {
  const session = useSession();
  const togglePresenter = useAppStore((s) => s.togglePresenter);
  useEffect(() => {
    const toggleCode = (): void => {
      const s = useAppStore.getState();
      s.toggleCode(s.scenario);
    };
    const togglePredict = (): void => {
      const s = useAppStore.getState();
      s.setPredict(!s.predict);
    };
    const presenter = (): void => {
      togglePresenter();
      // The button that was pressed may vanish with the mode; the keys go back to the page.
      (document.activeElement as HTMLElement | null)?.blur?.();
    };
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as Element | null;
      if (event.key === '?' && !(target && ownsEveryKey(target))) {
        event.preventDefault();
        return showKeys();
      }
      if (!appOwnsKey(event)) return;
      const state = useAppStore.getState();
      const touring = state.tourChapter !== null;
      const tour = { session, state: () => useAppStore.getState() };
      const actions: Record<string, () => void> = {
        ' ': touring ? () => tourNext(tour) : session.togglePlay,
        ArrowRight: session.stepNode,
        ArrowDown: session.stepPhase,
        ArrowLeft: session.stepBack,
        Backspace: session.stepBack,
        ArrowUp: session.phaseBack,
        Enter: session.stepWhole,
        r: session.reset,
        R: session.reset,
        p: presenter,
        P: presenter,
        c: toggleCode,
        C: toggleCode,
        y: togglePredict,
        Y: togglePredict,
      };
      if (touring) actions.Escape = () => state.setTour(null);
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, showKeys, togglePresenter]);
}
