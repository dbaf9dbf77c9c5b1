/**
 * The training step of the "before" engine: the same settings, data, weights, loss, schedule
 * and update as `train.ts`, on garbage-collected HeapValues. Every step makes a fresh graph of
 * objects and closures and leaves it to the garbage collector.
 */
import type { Dataset } from '../datasets';
import { DivergenceError } from '../divergence';
import { checkLoss, countCorrect, fillReport } from '../train/stepBookkeeping';
import { initialReport, trainingData, type StepReport } from '../train/trainer';
import { learningRateAt, weightRandom, type TrainSettings } from '../train/trainSettings';
import { heapDataLoss, heapL2Penalty } from './heapLoss';
import {
  allocationsBetween,
  heapAllocationsNow,
  heapCounts,
  type HeapAllocations,
} from './heapCounts';
import { HeapMLP } from './heapNn';
import { HeapValue, heapValuesCreated } from './heapValue';

/** A heap-engine model and its data, ready to step. */
export interface HeapTrainer {
  readonly settings: Readonly<TrainSettings>;
  readonly mlp: HeapMLP;
  /** Every weight and bias, in creation order. */
  readonly parameters: HeapValue[];
  readonly dataset: Dataset;
  /** Steps taken so far. */
  step: number;
  /** What the last step allocated (counted by the engine: see `heapCounts.ts`). */
  lastAllocations: HeapAllocations;
  /**
   * The last report (reused: copy it to keep it). `nodes` counts the HeapValues the step made;
   * `scratchBytes` and `modelBytes` are 0: a heap engine has no arenas to measure, and the
   * bytes its objects take are the garbage collector's business.
   */
  readonly report: StepReport;
}

/** Builds the dataset and the model from settings (the same ones `createTrainer` builds). */
export function createHeapTrainer(settings: TrainSettings): HeapTrainer {
  const dataset = trainingData(settings);
  const mlp = new HeapMLP(settings.sizes, weightRandom(settings), {
    activation: settings.activation,
    outputActivation: settings.outputActivation,
    biasInit: settings.biasInit,
  });
  return {
    settings: { ...settings, sizes: [...settings.sizes] },
    mlp,
    parameters: mlp.parameters(),
    dataset,
    step: 0,
    lastAllocations: { values: 0, closures: 0, arrays: 0, setEntries: 0 },
    report: initialReport(settings, 0),
  };
}

/** Inputs, forward over the whole batch and the loss. Returns the loss and every score. */
export function heapForwardLoss(trainer: HeapTrainer): { loss: HeapValue; scores: HeapValue[] } {
  const { mlp, dataset, parameters, settings } = trainer;
  const inputs: HeapValue[][] = [];
  heapCounts.arrays += 2 + dataset.count; // inputs, its rows, scores
  for (let p = 0; p < dataset.count; p++) {
    const row: HeapValue[] = [];
    for (let d = 0; d < dataset.dims; d++) row.push(new HeapValue(dataset.x[p * dataset.dims + d]));
    inputs.push(row);
  }
  const scores = inputs.map((row) => mlp.forward(row)[0]);
  const data = heapDataLoss(settings.loss, scores, dataset.y);
  if (settings.l2 === 0) return { loss: data, scores };
  return { loss: data.add(heapL2Penalty(parameters, settings.l2)), scores };
}

/**
 * One training step: forward, loss, zero grad, backward, SGD update. Throws
 * {@link DivergenceError} with the model untouched if the loss or a new weight is not finite.
 */
export function heapTrainStep(trainer: HeapTrainer): StepReport {
  const { dataset, parameters, settings } = trainer;
  const createdBefore = heapValuesCreated();
  const allocatedBefore = heapAllocationsNow();
  const { loss, scores } = heapForwardLoss(trainer);
  const scoreValues = scores.map((score) => score.data);
  heapCounts.arrays += 2; // scoreValues, and `staged` below
  const correct = countCorrect(scoreValues, dataset.y, dataset.count);
  checkLoss(loss.data, settings.lossLimit, trainer.step); // no tape to name a node from
  const nodes = heapValuesCreated() - createdBefore;

  for (const p of parameters) p.grad = 0;
  loss.backward();

  const lr = learningRateAt(settings, trainer.step);
  const staged = parameters.map((p) => p.data - lr * p.grad);
  const bad = staged.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) {
    const p = parameters[bad];
    const name = `parameter #${bad}`;
    throw DivergenceError.fromParameter(trainer.step, name, 0, p.data, p.grad, lr);
  }
  parameters.forEach((p, i) => (p.data = staged[i]));

  trainer.lastAllocations = allocationsBetween(allocatedBefore, heapAllocationsNow());
  // A heap engine has no arenas to measure: scratch and model bytes stay 0.
  fillReport(trainer.report, trainer.step, loss.data, correct, dataset.count, nodes, 0, 0, lr);
  trainer.step++;
  return trainer.report;
}
