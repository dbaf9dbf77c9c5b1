/**
 * A signal for whoever keeps state derived from the weights (the training runner's history,
 * the decision boundary): the model's weights were changed by hand or by an imported file,
 * between steps, at the trainer's current step.
 */
import type { Trainer } from '../core';

type Listener = (trainer: Trainer) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every edit or import; returns the unsubscribe function. */
export function onWeightsEdited(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Tells the listeners that `trainer`'s weights changed. */
export function notifyWeightsEdited(trainer: Trainer): void {
  for (const listener of listeners) listener(trainer);
}
