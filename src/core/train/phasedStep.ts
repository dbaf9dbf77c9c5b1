/**
 * A training step taken one phase, or one node, at a time, on the real engine: between calls
 * the arenas hold exactly the state of that moment, so views can read memory in place.
 * `trainStep` does the same work in one go, faster; both give the same numbers.
 *
 * ```ts
 * const s = beginStep(trainer);        // mark
 * runForward(s);                        // inputs + forward + loss pushed into scratch
 * while (backwardNext(s) !== -1) {}     // one node of the sweep per call
 * applyUpdate(s);                       // SGD on the model arena
 * const report = endStep(s);            // checkpoint.end(): scratch rewinds
 * ```
 */
import type { Checkpoint } from '../arena';
import {
  createSweep,
  sweepDone,
  sweepNext,
  tapeIndexOf,
  zeroGrad,
  type SweepCursor,
} from '../backward';
import { addressOf, type Value } from '../value';
import { checkLoss, countCorrect, fillReport, stageUpdate, writeStaged } from './stepBookkeeping';
import type { StepReport, Trainer } from './trainer';
import { learningRateAt } from './trainSettings';
import { forwardLoss } from './trainStep';

/** One parameter's SGD update, as the update phase shows it. */
export interface TracedUpdate {
  readonly address: number;
  readonly before: number;
  readonly after: number;
  readonly grad: number;
}

/** Phases of a step, in order. */
export const PHASES = ['mark', 'forward', 'loss', 'backward', 'update', 'reset'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Where a step is, as a view needs it: its tape range and the backward sweep's cursor.
 * A `PhasedStep` is one; an engine that steps otherwise (the playground's program) can publish
 * the same fields.
 */
export interface StepWindow {
  /** The last phase completed. */
  readonly phase: Phase;
  /** Tape index of the step's first record. */
  readonly tapeStart: number;
  /** Tape index one past the step's last record. */
  readonly lossEnd: number;
  /** Tape index of the next node backward visits (below `tapeStart` when done). */
  readonly backwardCursor: number;
}

/** A step in progress. Read its fields; change it only through the functions below. */
export interface PhasedStep {
  readonly trainer: Trainer;
  readonly checkpoint: Checkpoint;
  /** The last phase completed. */
  phase: Phase;
  /** Tape index of the first record of this step. */
  readonly tapeStart: number;
  /** Tape index one past the inputs (set by runForward). */
  inputsEnd: number;
  /** Tape index one past the forward pass, i.e. where the loss graph starts. */
  forwardEnd: number;
  /** Tape index one past the loss graph (the step's last record + 1). */
  lossEnd: number;
  /** The loss Value (0 before runForward). */
  loss: Value;
  /**
   * Tape index of the next node backward visits (`sweep.next`): -1 before the sweep starts,
   * below `tapeStart` when it is done.
   */
  backwardCursor: number;
  /** The backward sweep over this step's records (set by runForward). */
  sweep: SweepCursor | null;
  /** Learning rate of this step. */
  readonly learningRate: number;
  /** Updates applied (set by applyUpdate). */
  updates: TracedUpdate[];
  /** Scratch bytes used at the end of the loss phase. */
  scratchBytes: number;
  /** Loss value, points classified right, and accuracy: known after runForward. */
  lossValue: number;
  correct: number;
  accuracy: number;
}

/** Phase `mark`: takes the scratch checkpoint. */
export function beginStep(trainer: Trainer): PhasedStep {
  const checkpoint = trainer.scratch.mark();
  const tapeStart = trainer.scratch.tapeLength;
  return {
    trainer,
    checkpoint,
    phase: 'mark',
    tapeStart,
    inputsEnd: tapeStart,
    forwardEnd: tapeStart,
    lossEnd: tapeStart,
    loss: 0,
    backwardCursor: -1,
    sweep: null,
    learningRate: learningRateAt(trainer.settings, trainer.step),
    updates: [],
    scratchBytes: 0,
    lossValue: NaN,
    correct: 0,
    accuracy: NaN,
  };
}

/**
 * Phases `forward` and `loss`: pushes inputs, runs the model over the batch and builds the loss.
 * On a non-finite loss it ends the checkpoint and throws {@link DivergenceError}; on overflow it
 * ends the checkpoint and rethrows. Either way the model is untouched.
 */
export function runForward(step: PhasedStep): void {
  expectPhase(step, 'mark');
  const { trainer } = step;
  const { scratch, dataset, memory } = trainer;
  try {
    step.loss = forwardLoss(trainer);
  } catch (error) {
    step.checkpoint.end();
    throw error;
  }
  step.inputsEnd = step.tapeStart + dataset.count * dataset.dims;
  step.forwardEnd = tapeIndexOf(scratch, addressOf(trainer.scores[dataset.count - 1])) + 1;
  step.lossEnd = scratch.tapeLength;
  step.scratchBytes = scratch.used;
  const f64 = memory.f64;
  step.lossValue = f64[addressOf(step.loss) >> 3];
  step.correct = countCorrect(trainer.scoreValues, dataset.y, dataset.count);
  step.accuracy = step.correct / dataset.count;
  try {
    checkLoss(step.lossValue, trainer.settings.lossLimit, trainer.step, scratch, step.tapeStart);
  } catch (error) {
    step.checkpoint.end();
    throw error;
  }
  // Backward starts here: weights' gradients zeroed, d(loss)/d(loss) = 1.
  zeroGrad(trainer.model);
  f64[(addressOf(step.loss) >> 3) + 1] = 1;
  step.sweep = createSweep(scratch, step.lossEnd - 1, step.tapeStart);
  step.backwardCursor = step.sweep.next;
  step.phase = 'loss';
}

/**
 * One node of phase `backward`: applies the gradient rule of the node under the cursor and
 * moves the cursor down the tape. Returns the node's address, or -1 when the sweep is done.
 */
export function backwardNext(step: PhasedStep): number {
  if (step.phase !== 'loss' && step.phase !== 'backward') expectPhase(step, 'loss');
  const sweep = step.sweep!;
  const address = sweepNext(sweep);
  step.backwardCursor = sweep.next;
  step.phase = sweepDone(sweep) ? 'backward' : 'loss';
  return address;
}

/** Finishes phase `backward`. */
export function runBackward(step: PhasedStep): void {
  while (backwardNext(step) !== -1);
}

/**
 * Phase `update`: SGD on every parameter. All new values are checked first; if one is not finite
 * nothing is written, the checkpoint ends and {@link DivergenceError} is thrown.
 */
export function applyUpdate(step: PhasedStep): TracedUpdate[] {
  expectPhase(step, 'backward');
  const { trainer, learningRate: lr } = step;
  const { memory, mlp, model, staged } = trainer;
  const f64 = memory.f64;
  try {
    stageUpdate(f64, mlp.parameters, lr, staged, model, trainer.step);
  } catch (error) {
    step.checkpoint.end();
    throw error;
  }
  const updates = Array.from(mlp.parameters, (address, i) => ({
    address,
    before: f64[address >> 3],
    after: staged[i],
    grad: f64[(address >> 3) + 1],
  }));
  writeStaged(f64, mlp.parameters, staged);
  step.updates = updates;
  step.phase = 'update';
  return updates;
}

/** Phase `reset`: ends the checkpoint (one pointer moves) and reports the step. */
export function endStep(step: PhasedStep): StepReport {
  expectPhase(step, 'update');
  const { trainer } = step;
  const nodes = step.lossEnd - step.tapeStart;
  step.checkpoint.end();
  step.phase = 'reset';
  const report = trainer.report;
  const { dataset, model } = trainer;
  const { lossValue, correct, scratchBytes, learningRate } = step;
  fillReport(
    report,
    trainer.step,
    lossValue,
    correct,
    dataset.count,
    nodes,
    scratchBytes,
    model.used,
    learningRate,
  );
  trainer.step++;
  return report;
}

/** Abandons a step part-way (e.g. the user switched scenario): rewinds scratch, no update. */
export function abortStep(step: PhasedStep): void {
  if (!step.checkpoint.isEnded) step.checkpoint.end();
}

function expectPhase(step: PhasedStep, phase: Phase): void {
  if (step.phase !== phase) {
    throw new Error(`step is in phase '${step.phase}', expected '${phase}'`);
  }
}
