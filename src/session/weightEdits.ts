/**
 * Changing the model's weights from the page (one weight typed in, or a whole imported file) is
 * allowed only between training steps, on a trainer scenario, while nothing plays.
 */
import { setValueAt, type Trainer } from '../core';
import type { AppState } from '../store/appStore';
import type { Scenario } from './buildScenario';

/** The trainer whose weights may be changed now, or why they may not. */
export type Editable = { ok: true; trainer: Trainer } | { ok: false; reason: string };

/** Whether the scenario's weights can be changed now. */
export function editableTrainer(scenario: Scenario | null, playing: boolean): Editable {
  if (!scenario?.trainer)
    return {
      ok: false,
      reason: "the playground's values come from its program: edit the program text instead",
    };
  if (playing) return { ok: false, reason: 'pause training first: weights change between steps' };
  if (scenario.playhead.inStep)
    return {
      ok: false,
      reason: `a step is in progress (phase ${scenario.playhead.phase}): finish it first (Enter), weights change only between steps`,
    };
  return { ok: true, trainer: scenario.trainer };
}

/** Whether `address` is one of the trainer's weights or biases. */
export function isParameter(trainer: Trainer, address: number): boolean {
  return trainer.mlp.parameters.includes(address);
}

/** Writes one weight (or bias). Throws a RangeError for a non-parameter or a non-finite value. */
export function writeWeight(trainer: Trainer, address: number, value: number): void {
  if (!isParameter(trainer, address) || !Number.isFinite(value))
    throw new RangeError(`cannot set ${address} to ${value}: not a finite weight of this model`);
  setValueAt(trainer.memory, address, value);
}

/** Messages of refused edits and imports start with these; a later success clears them. */
export const EDIT_ERROR_PREFIXES = ['Cannot edit the weight', 'Weights not imported'];

/** Clears the error area if it shows a refused edit or import. */
export function clearEditError(state: Pick<AppState, 'error' | 'setView'>): void {
  const { error } = state;
  if (error && EDIT_ERROR_PREFIXES.some((p) => error.startsWith(p))) state.setView({ error: null });
}

/** Whether `address` is a weight or bias of the scenario's model. */
export function isWeightOf(scenario: Scenario | null, address: number): boolean {
  return !!scenario?.trainer && isParameter(scenario.trainer, address);
}

/** Writes through `write` when `editable` allows it; returns why not, or null once written. */
export function editWeightsOf(
  editable: Editable,
  state: Pick<AppState, 'error' | 'setView'>,
  write: (trainer: Trainer) => void,
): string | null {
  if (!editable.ok) return editable.reason;
  write(editable.trainer);
  clearEditError(state);
  return null;
}
