/**
 * The bookkeeping every training step does around forward and backward, whichever engine runs
 * it (`trainStep`, the phased step, the heap engine): count the points classified right, stop on
 * a loss that blew up, stage the SGD update (checked before any weight is written), fill the
 * report. The arena engines call these once per step; none allocates.
 */
import type { MemoryArena } from '../arena';
import { DivergenceError } from '../divergence';
import { hex } from '../errors';
import type { StepReport } from './trainer';

/** How many of `count` points have a score of their label's sign (0 counts as negative). */
export function countCorrect(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  count: number,
): number {
  let correct = 0;
  for (let p = 0; p < count; p++) if (scores[p] > 0 === labels[p] > 0) correct++;
  return correct;
}

/**
 * Throws {@link DivergenceError} if `loss` is not finite or its magnitude passes `lossLimit`.
 * The arena engine passes its scratch arena and the step's first tape index, so the error names
 * the first node that went bad; the heap engine, which keeps no tape, passes neither.
 */
export function checkLoss(
  loss: number,
  lossLimit: number,
  step: number,
  scratch?: MemoryArena,
  tapeStart = 0,
): void {
  if (!(Math.abs(loss) <= lossLimit)) {
    throw DivergenceError.fromLoss(step, loss, lossLimit, scratch, tapeStart);
  }
}

/**
 * SGD, staged: `staged[i] = w − lr · w.grad` for every parameter address in `parameters`, read
 * from the memory's doubles `f64`. Writes no weight; throws {@link DivergenceError} (naming the
 * weight, in arena `model`) at the first value that is not finite. Write the staged values with
 * {@link writeStaged}.
 */
export function stageUpdate(
  f64: Float64Array,
  parameters: Uint32Array,
  learningRate: number,
  staged: Float64Array,
  model: MemoryArena,
  step: number,
): void {
  for (let i = 0; i < parameters.length; i++) {
    const w = parameters[i] >> 3;
    const next = f64[w] - learningRate * f64[w + 1];
    if (!Number.isFinite(next)) {
      const address = parameters[i];
      const name = `the ${model.name} weight at ${hex(address)}`;
      throw DivergenceError.fromParameter(step, name, address, f64[w], f64[w + 1], learningRate);
    }
    staged[i] = next;
  }
}

/** Writes the values {@link stageUpdate} staged into the parameters' records. */
export function writeStaged(
  f64: Float64Array,
  parameters: Uint32Array,
  staged: Float64Array,
): void {
  for (let i = 0; i < parameters.length; i++) f64[parameters[i] >> 3] = staged[i];
}

/**
 * Fills the reused `report` of step `step`. `correct` of `count` points were classified right;
 * `nodes`, `scratchBytes` and `modelBytes` are 0 for an engine without arenas.
 */
export function fillReport(
  report: StepReport,
  step: number,
  loss: number,
  correct: number,
  count: number,
  nodes: number,
  scratchBytes: number,
  modelBytes: number,
  learningRate: number,
): void {
  report.step = step;
  report.loss = loss;
  report.accuracy = correct / count;
  report.nodes = nodes;
  report.scratchBytes = scratchBytes;
  report.modelBytes = modelBytes;
  report.learningRate = learningRate;
}
