/**
 * What the weight editors share: reading what the user typed, and a weight's current value.
 * The writing itself is the session's (`session.setWeight`, `session.importWeights`).
 */
import { valueAt, type Trainer } from '../../core';

/** The current value of the parameter at `address`. */
export function parameterValue(trainer: Trainer, address: number): number {
  return valueAt(trainer.memory, address);
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
