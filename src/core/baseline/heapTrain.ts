/**
 * The training step of the "before" engine: the same settings, data, weights, loss, schedule
 * and update as `train.ts`, on garbage-collected HeapValues. Every step makes a fresh graph of
 * objects and closures and leaves it to the garbage collector.
 */
import type { Dataset } from '../datasets';
import { DivergenceError } from '../divergence';
import { createRandom } from '../random';
import {
  initialReport,
  learningRateAt,
  trainingData,
  weightSeed,
  type StepReport,
  type TrainSettings,
} from '../train';
import { heapDataLoss, heapL2Penalty } from './heapLoss';
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
  const mlp = new HeapMLP(settings.sizes, createRandom(weightSeed(settings.seed)), {
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
    report: initialReport(settings, 0),
  };
}

/** Inputs, forward over the whole batch and the loss. Returns the loss and every score. */
export function heapForwardLoss(trainer: HeapTrainer): { loss: HeapValue; scores: HeapValue[] } {
  const { mlp, dataset, parameters, settings } = trainer;
  const inputs: HeapValue[][] = [];
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
  const { loss, scores } = heapForwardLoss(trainer);
  let correct = 0;
  for (let p = 0; p < dataset.count; p++) {
    if (scores[p].data > 0 === dataset.y[p] > 0) correct++;
  }
  if (!(Math.abs(loss.data) <= settings.lossLimit)) {
    throw new DivergenceError(
      `training diverged at step ${trainer.step}: the loss is ${loss.data} (limit ` +
        `${settings.lossLimit}). The weights were not updated: lower the learning rate and go on.`,
      trainer.step,
      0,
      -1,
    );
  }
  const nodes = heapValuesCreated() - createdBefore;

  for (const p of parameters) p.grad = 0;
  loss.backward();

  const lr = learningRateAt(settings, trainer.step);
  const staged = parameters.map((p) => p.data - lr * p.grad);
  const bad = staged.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) {
    const p = parameters[bad];
    throw new DivergenceError(
      `training diverged at step ${trainer.step}: parameter #${bad} would become ${staged[bad]} ` +
        `(value ${p.data}, gradient ${p.grad}, learning rate ${lr}). No weight was updated: ` +
        `lower the learning rate and go on.`,
      trainer.step,
      0,
      -1,
    );
  }
  parameters.forEach((p, i) => (p.data = staged[i]));

  const report = trainer.report;
  report.step = trainer.step;
  report.loss = loss.data;
  report.accuracy = correct / dataset.count;
  report.nodes = nodes;
  report.learningRate = lr;
  trainer.step++;
  return report;
}
