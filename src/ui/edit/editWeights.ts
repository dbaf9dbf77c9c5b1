/**
 * Changing the model's weights from the page (one weight typed in, or a whole imported file),
 * allowed only between training steps: the value goes into the model arena, every view redraws,
 * and the next step trains from it.
 */
import { getValue, handleAt, setValue, type Trainer } from '../../core';
import { applyWeights } from '../../core/io/weightsCodec';
import type { Session } from '../../scenarios/session';
import { useAppStore, type AppState } from '../../store/appStore';
import { notifyWeightsEdited } from '../../store/weightsEdited';

/** The trainer whose weights may be changed now, or why they may not. */
export type Editable = { ok: true; trainer: Trainer } | { ok: false; reason: string };

/** Whether the session's weights can be changed now. */
export function editableTrainer(session: Session, state: Pick<AppState, 'playing'>): Editable {
  const scenario = session.scenario;
  if (!scenario?.trainer)
    return {
      ok: false,
      reason: "the playground's values come from its program: edit the program text instead",
    };
  if (state.playing)
    return { ok: false, reason: 'pause training first: weights change between steps' };
  if (scenario.engine.phasedStep !== null)
    return {
      ok: false,
      reason: `a step is in progress (phase ${scenario.controller.phase}): finish it first (Enter), weights change only between steps`,
    };
  return { ok: true, trainer: scenario.trainer };
}

/** Whether `address` is one of the trainer's weights or biases. */
export function isParameter(trainer: Trainer, address: number): boolean {
  return trainer.mlp.parameters.includes(address);
}

/** The current value of the parameter at `address`. */
export function parameterValue(trainer: Trainer, address: number): number {
  return getValue(trainer.model, handleAt(trainer.memory, address));
}

/** Reads what the user typed: a finite number, or why not. */
export function parseWeightInput(
  text: string,
): { ok: true; value: number } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'type a number' };
  const value = Number(trimmed);
  if (Number.isNaN(value)) return { ok: false, reason: `"${trimmed}" is not a number` };
  if (!Number.isFinite(value)) return { ok: false, reason: `${trimmed} is not finite` };
  return { ok: true, value };
}

/** Writes one weight (or bias) and redraws. */
export function setWeight(
  session: Session,
  trainer: Trainer,
  address: number,
  value: number,
): void {
  if (!isParameter(trainer, address) || !Number.isFinite(value))
    throw new RangeError(`cannot set ${address} to ${value}: not a finite weight of this model`);
  setValue(trainer.model, handleAt(trainer.memory, address), value);
  clearEditError();
  notifyWeightsEdited(trainer);
  session.refresh();
}

/** Writes a whole set of weights (an imported file) and redraws. */
export function setAllWeights(session: Session, trainer: Trainer, values: Float64Array): void {
  applyWeights(trainer, values);
  clearEditError();
  notifyWeightsEdited(trainer);
  session.refresh();
}

/** Messages of refused edits and imports start with these; a later success clears them. */
export const EDIT_ERROR_PREFIXES = ['Cannot edit the weight', 'Weights not imported'];

function clearEditError(): void {
  const { error, setView } = useAppStore.getState();
  if (error && EDIT_ERROR_PREFIXES.some((p) => error.startsWith(p))) setView({ error: null });
}
