/**
 * Messages between the page and the training worker. Plain data and transferable buffers only.
 * Every message carries the run id of the `load` it belongs to, so the page can ignore what a
 * superseded run still sends.
 */
import type { TrainSettings } from '../../core';
import type { GridSpec } from '../../core';

/** Page → worker. */
export type ToWorker =
  /** Builds the trainer from `settings` and puts it at `step` with `weights`. */
  | {
      type: 'load';
      run: number;
      settings: TrainSettings;
      step: number;
      weights: Float64Array;
      grid: GridSpec | null;
    }
  /** Trains until paused, or until `until` steps are done. */
  | { type: 'start'; run: number; until: number | null }
  | { type: 'pause'; run: number };

/** Steps trained since the last batch, and where the model stands now. */
export interface Batch {
  run: number;
  /** Index of the first step in the batch. */
  firstStep: number;
  /** Loss and accuracy per step of the batch. */
  losses: Float64Array;
  accuracies: Float64Array;
  /** Parameters after each step, `count × paramCount` (state firstStep + 1 + k at row k). */
  snapshots: Float64Array;
  /** Completed steps (the state the weights are at). */
  step: number;
  /** The parameters now. */
  weights: Float64Array;
  /** Steps per second over the last second or so (0 when not measured yet). */
  stepsPerSecond: number;
  /** Scratch bytes one step used, and the model arena's bytes. */
  scratchBytes: number;
  modelBytes: number;
  /** Records per step. */
  nodes: number;
  /** Boundary scores for the load's grid (row-major), when computed for this batch. */
  grid: Float32Array | null;
}

/** Worker → page. */
export type FromWorker =
  | ({ type: 'progress' } & Batch)
  /** Stopped: asked to, reached `until`, or diverged (then `error` is the core's message). */
  | ({ type: 'paused'; reason: 'pause' | 'target' | 'error'; error: string | null } & Batch);

/** Buffers of a message to transfer rather than copy. */
export function transferables(message: FromWorker): Transferable[] {
  const list: Transferable[] = [
    message.losses.buffer,
    message.accuracies.buffer,
    message.snapshots.buffer,
    message.weights.buffer,
  ];
  if (message.grid) list.push(message.grid.buffer);
  return list;
}
