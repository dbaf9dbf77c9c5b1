import { useEffect } from 'react';
import { useAppStore } from '../store/appStore';
import { useSession } from './SessionContext';
import { tourNext } from './tour/tourCommands';

/**
 * Whether the app's step keys may act on this key press. They act when focus is on the page
 * itself or inside a view that leaves them to the app (the graph and the memory views carry
 * `data-app-keys`), and only if no focused control handled the key first. A focused button (or
 * checkbox) owns its Enter and Space — they press it — and leaves the other keys to the app; a
 * field, menu or slider owns every key.
 */
export function appOwnsKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as Element | null;
  if (!target || target === document.body || target === document.documentElement) return true;
  if (target.closest('[data-app-keys]') !== null) return true;
  return pressable(target) && event.key !== ' ' && event.key !== 'Enter';
}

/** A control whose own keys are Enter and Space only. */
function pressable(target: Element): boolean {
  if (target.tagName === 'BUTTON' || target.tagName === 'SUMMARY') return true;
  const type = target.tagName === 'INPUT' ? (target as HTMLInputElement).type : '';
  return type === 'checkbox' || type === 'radio' || type === 'button';
}

/** The app's keys, for the shortcut list (`?`) and the header's hints. */
export const APP_KEYS: readonly { keys: string[]; what: string }[] = [
  { keys: ['Space'], what: 'play / pause' },
  { keys: ['→'], what: 'one node of forward or backward' },
  { keys: ['↓'], what: 'one phase: mark → forward → loss → backward → update → reset' },
  { keys: ['Enter'], what: 'one whole training step' },
  { keys: ['←', 'Backspace'], what: 'step back one node' },
  { keys: ['↑'], what: 'step back one phase' },
  { keys: ['R'], what: 'reset to the initial weights' },
  { keys: ['Space'], what: 'during the tour: the chapter’s action, then the next chapter' },
  { keys: ['C'], what: 'show or hide the code beside the graph' },
  { keys: ['P'], what: 'presenter mode: large type, the essential panels (P again to leave)' },
  { keys: ['?'], what: 'this list of keys' },
  { keys: ['Tab'], what: 'move between controls; the graph and the memory are one stop each' },
  { keys: ['↑', '↓', '←', '→'], what: 'in the graph: to a parent, a child, a sibling node' },
  { keys: ['Enter'], what: 'in the graph: decode the focused node’s record in the memory view' },
  { keys: ['E'], what: 'in the graph: edit the focused weight (between steps)' },
  { keys: ['←', '→', '↑', '↓'], what: 'in the memory view: previous / next record, row up / down' },
  { keys: ['Esc'], what: 'close a popover or this list' },
];

/**
 * Space plays/pauses, → steps a node, ↓ a phase, Enter a whole step, ← / Backspace and ↑ step
 * back, R resets, P presenter mode, ? lists the keys: when the page, not a control, has focus
 * (see {@link appOwnsKey}).
 */
export function useKeyboard(showKeys: () => void): void {
  const session = useSession();
  const togglePresenter = useAppStore((s) => s.togglePresenter);
  useEffect(() => {
    const toggleCode = (): void => {
      const s = useAppStore.getState();
      s.toggleCode(s.scenario);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === '?' && !typing(event)) {
        event.preventDefault();
        return showKeys();
      }
      if (!appOwnsKey(event)) return;
      const touring = useAppStore.getState().tourChapter !== null;
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
        p: togglePresenter,
        P: togglePresenter,
        c: toggleCode,
        C: toggleCode,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, showKeys, togglePresenter]);
}

/** Whether a key event belongs to a text field. */
function typing(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT' || target.isContentEditable;
}
