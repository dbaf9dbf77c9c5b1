import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/appStore';
import { LECTURE_PROGRAM, type ScenarioId } from '../setup';

/** Where the dismissal is remembered (this browser only). */
export const START_HERE_KEY = 'arenagrad.startHere.dismissed';

function dismissed(): boolean {
  try {
    return localStorage.getItem(START_HERE_KEY) === '1';
  } catch {
    return false; // storage blocked: show it, and the next visit shows it again
  }
}

function remember(): void {
  try {
    localStorage.setItem(START_HERE_KEY, '1');
  } catch {
    // storage blocked: nothing to remember it in
  }
}

/**
 * The first visit's "Start here" (`data-testid="start-here"`): what this is in one sentence and
 * four doors — the tour, the guide's example step by step, predicting each gradient yourself
 * (the lecture's example in predict mode), why arenas win. A modal dialog: Esc
 * (or any door) dismisses it for good in this browser (`localStorage`). It opens on a plain first
 * visit (a link that asks for a scenario or a step goes straight there) and whenever a link says
 * `start=1`.
 */
export function StartHere() {
  const ref = useRef<HTMLDialogElement>(null);
  const forced = useAppStore((s) => s.viewOptions.start === true);
  useEffect(() => {
    const plain = window.location.search === '';
    const dialog = ref.current;
    if (dialog && !dialog.open && (forced || (plain && !dismissed()))) dialog.showModal();
  }, [forced]);
  const close = (then?: () => void): void => {
    remember();
    ref.current?.close();
    then?.();
  };
  const open = (scenario: ScenarioId) => () => {
    const s = useAppStore.getState();
    if (s.scenario !== scenario) s.setScenario(scenario);
  };
  const yourTurn = (): void => {
    const s = useAppStore.getState();
    s.setProgram(LECTURE_PROGRAM);
    if (s.scenario !== 'playground') s.setScenario('playground');
    // What the door promises: the gradients (addresses and resets can be ticked on in the prompt).
    s.setPredictKind('forward', false);
    s.setPredictKind('reset', false);
    s.setPredict(true);
  };
  return (
    <dialog
      ref={ref}
      className="start-here"
      data-testid="start-here"
      aria-labelledby="start-here-title"
      onClose={remember}
    >
      <h2 id="start-here-title">Start here</h2>
      <p>
        arenagrad is a tiny neural-network engine whose numbers live in two memory arenas: watch
        backpropagation compute every gradient, and the arena hold and free every value, byte by
        byte.
      </p>
      <div className="start-doors">
        <button
          type="button"
          data-testid="start-tour"
          autoFocus
          onClick={() => close(() => useAppStore.getState().setTour(0))}
        >
          <strong>Take the tour</strong>
          <span>nine short chapters, about ten minutes</span>
        </button>
        <button type="button" data-testid="start-guide" onClick={() => close(open('guide'))}>
          <strong>Step through the guide’s example</strong>
          <span>
            one neuron, one training step: <kbd>↓</kbd> phase by phase
          </span>
        </button>
        <button type="button" data-testid="start-predict" onClick={() => close(yourTurn)}>
          <strong>Predict it yourself</strong>
          <span>
            L = (a·b + c)·f: you say each gradient before the step shows it (<kbd>Y</kbd>)
          </span>
        </button>
        <button type="button" data-testid="start-compare" onClick={() => close(open('compare'))}>
          <strong>See why arenas win</strong>
          <span>heap objects against arenas, measured in this page</span>
        </button>
      </div>
      <p className="start-foot">
        <kbd>Esc</kbd> closes this for good (the link <code>?start=1</code> shows it again) · later,{' '}
        <kbd>?</kbd> lists every key
      </p>
    </dialog>
  );
}
