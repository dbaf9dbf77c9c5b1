/**
 * One training step, the guide's loop with its missing update put back:
 * mark → inputs → forward → loss → backward → SGD update → checkpoint end.
 * The scratch footprint of every step is identical and the model footprint never changes.
 * A step allocates no JavaScript objects.
 */
import { backward, zeroGrad } from '../backward';
import { dataLoss, l2Penalty } from '../loss';
import { mlpForward } from '../nn';
import { add } from '../ops';
import { addressOf, pushLeaves, type Value } from '../value';
import {
  forwardLayer,
  fusedForward,
  holdsOnlyRecords,
  writeRecordTape,
  type LayerForward,
} from './fusedForward';
import { fusedBackward } from './fusedBackward';
import { fusedLoss } from './fusedLoss';
import { checkLoss, countCorrect, fillReport, stageUpdate, writeStaged } from './stepBookkeeping';
import type { StepReport, Trainer } from './trainer';
import { learningRateAt } from './trainSettings';

/**
 * Pushes inputs, runs forward over the whole batch and builds the loss, all into the scratch
 * arena. Returns the loss Value; `trainer.scores` holds each point's score handle and
 * `trainer.scoreValues` its value.
 */
export function forwardLoss(trainer: Trainer): Value {
  const { scratch, mlp, dataset, inputs, scores, scoreValues } = trainer;
  const n = dataset.count * dataset.dims;
  pushLeaves(scratch, dataset.x, n, inputs);
  const f64 = scratch.memory.f64;
  for (let p = 0; p < dataset.count; p++) {
    scores[p] = mlpForward(scratch, mlp, inputs, p * dataset.dims)[0];
    scoreValues[p] = f64[addressOf(scores[p]) >> 3];
  }
  return lossOf(trainer);
}

/** Builds the loss of the scores in `trainer.scores` (data loss, plus L2 if asked). */
export function lossOf(trainer: Trainer): Value {
  const { scratch, mlp, dataset, scores, perPoint, settings } = trainer;
  const data = dataLoss(scratch, settings.loss, scores, dataset.y, dataset.count, perPoint);
  if (settings.l2 === 0) return data;
  return add(scratch, data, l2Penalty(scratch, mlp.parameters, settings.l2));
}

/**
 * How a step runs its forward and backward: op by op ({@link OP_BY_OP_ENGINE}), fused in
 * TypeScript ({@link TS_ENGINE}) or in the WebAssembly kernel (`wasm/wasmStep.ts`). Everything
 * else about a step is shared, and all three give the same numbers to the bit.
 */
export interface StepEngine<T extends Trainer = Trainer> {
  /** Pushes inputs, runs forward and builds the loss (see {@link forwardLoss}). */
  forwardLoss(trainer: T): Value;
  /**
   * Called only when the loss check fails, before the error names the first bad node: makes
   * `scratch.tape[tapeStart..]` hold the step's records (the fused forwards do not write them).
   */
  writeTape(trainer: T, tapeStart: number): void;
  /** Zeroes the model's gradients, seeds the loss's with 1 and sweeps the step backward. */
  backward(trainer: T, loss: Value): void;
}

/**
 * The reference engine: every node pushed by its op (`mlpForward`), backward along the tape. The
 * readable one, which checks every handle in debug mode; the others are tested against it.
 */
export const OP_BY_OP_ENGINE: StepEngine = {
  forwardLoss,
  writeTape: () => {}, // the ops write the tape as they go
  backward: (trainer, loss) => {
    zeroGrad(trainer.model);
    backward(trainer.scratch, loss);
  },
};

/**
 * The fused engines' forward and loss: inputs and every point's forward through `layer`
 * (`fusedForward`), then the loss in one pass (`fusedLoss`), or op by op when it does not fit
 * (`lossOf` then throws the arena's overflow at its node).
 */
export function fusedForwardLoss(trainer: Trainer, layer: LayerForward): Value {
  fusedForward(trainer, layer);
  const loss = fusedLoss(trainer);
  return loss >= 0 ? loss : lossOf(trainer);
}

/** Zeroes the model's gradients and seeds the loss's with 1: every backward starts so. */
export function seedLoss(trainer: Trainer, loss: Value): void {
  zeroGrad(trainer.model);
  trainer.memory.f64[(addressOf(loss) >> 3) + 1] = 1;
}

/**
 * The lean TypeScript engine: the fused forward (`forwardLayer`, one call per layer of each
 * point) and loss (`fusedLoss`), then the fused backward (`fusedBackward`: the sweep over the
 * scratch arena's records, walked neuron by neuron; no tape: the arena holds only records).
 * Release mode, a laid-out MLP and a records-only scratch arena only: see {@link canRunFused}.
 */
export const TS_ENGINE: StepEngine = {
  forwardLoss: (trainer) => fusedForwardLoss(trainer, forwardLayer),
  writeTape: (trainer, tapeStart) => writeRecordTape(trainer.scratch, tapeStart),
  backward: (trainer, loss) => {
    seedLoss(trainer, loss);
    fusedBackward(trainer, loss);
  },
};

/**
 * Whether a fused engine can run this trainer's step: release mode (debug mode checks every
 * handle, which the fused forwards do not), an MLP laid out as `createMLP` lays it out, and a
 * scratch arena holding only Value records (so their addresses are the tape).
 */
export function canRunFused(trainer: Trainer): boolean {
  return !trainer.memory.debug && trainer.plan !== null && holdsOnlyRecords(trainer.scratch);
}

/**
 * One training step. Throws {@link DivergenceError} (after rewinding the scratch arena, with the
 * model untouched) if the loss or an updated weight is not finite, and the arena's overflow
 * error (with the model untouched) if a step does not fit. Runs the lean {@link TS_ENGINE} when
 * it can, else the {@link OP_BY_OP_ENGINE}: the numbers are the same.
 */
export function trainStep(trainer: Trainer): StepReport {
  return runStep(trainer, canRunFused(trainer) ? TS_ENGINE : OP_BY_OP_ENGINE);
}

/** {@link trainStep} with the forward and backward of `engine`. */
export function runStep<T extends Trainer>(trainer: T, engine: StepEngine<T>): StepReport {
  const { memory, model, scratch, mlp, dataset, settings, staged } = trainer;
  const checkpoint = scratch.mark(trainer.checkpoint);
  try {
    const tapeStart = scratch.tapeLength;
    const loss = engine.forwardLoss(trainer);
    const f64 = memory.f64;
    const lossValue = f64[addressOf(loss) >> 3];
    const correct = countCorrect(trainer.scoreValues, dataset.y, dataset.count);
    if (!(Math.abs(lossValue) <= settings.lossLimit)) engine.writeTape(trainer, tapeStart);
    checkLoss(lossValue, settings.lossLimit, trainer.step, scratch, tapeStart);

    engine.backward(trainer, loss);

    const lr = learningRateAt(settings, trainer.step);
    stageUpdate(f64, mlp.parameters, lr, staged, model, trainer.step);
    writeStaged(f64, mlp.parameters, staged);

    const nodes = scratch.tapeLength - tapeStart;
    const report = trainer.report;
    fillReport(
      report,
      trainer.step,
      lossValue,
      correct,
      dataset.count,
      nodes,
      scratch.used,
      model.used,
      lr,
    );
    trainer.step++;
    return report;
  } finally {
    if (!checkpoint.isEnded) checkpoint.end();
  }
}
