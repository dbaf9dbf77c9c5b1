/** Everything that decides a training run, the two runs the app starts from, and the schedule. */
import type { DatasetName } from '../datasets';
import type { LossKind } from '../loss';
import { MB } from '../memory';
import type { Activation, BiasInit } from '../nn';

/** Learning-rate schedule: micrograd's `lr · (1 − 0.9·k/steps)`, or constant. */
export type Schedule = 'decay' | 'constant';

/** Everything that decides a run. The same settings replay the same run. */
export interface TrainSettings {
  dataset: DatasetName;
  /** Points in the dataset (ignored by `guide`). */
  points: number;
  noise: number;
  /** Seed for the dataset and the initial weights. */
  seed: number;
  /** Layer sizes, inputs first: `[2, 16, 16, 1]`. */
  sizes: number[];
  activation: Activation;
  outputActivation: Activation;
  biasInit: BiasInit;
  loss: LossKind;
  /** L2 regularisation strength (micrograd's alpha). */
  l2: number;
  learningRate: number;
  schedule: Schedule;
  /** Horizon of the decay schedule, in steps. */
  scheduleSteps: number;
  modelBytes: number;
  scratchBytes: number;
  debug: boolean;
  /**
   * A loss above this counts as divergence, like NaN or Infinity: the step stops before any
   * update (a learning rate of 100 blows the loss up to 1e60 without ever reaching Infinity).
   * `Infinity` turns the check off.
   */
  lossLimit: number;
}

/** micrograd's demo: 2-16-16-1 on 100 moons, hinge + L2 1e-4, lr 1.0 decaying over 100 steps. */
export const MICROGRAD_DEMO: TrainSettings = {
  dataset: 'moons',
  points: 100,
  noise: 0.1,
  seed: 1,
  sizes: [2, 16, 16, 1],
  activation: 'relu',
  outputActivation: 'linear',
  biasInit: 'zero',
  loss: 'hinge',
  l2: 1e-4,
  learningRate: 1.0,
  schedule: 'decay',
  scheduleSteps: 100,
  modelBytes: MB(1),
  scratchBytes: MB(4),
  debug: false,
  lossLimit: 1e6,
};

/** The guide's example: one relu Neuron(3) on inputs [1, 2, 3], squared error to target 1. */
export const GUIDE_EXAMPLE: TrainSettings = {
  ...MICROGRAD_DEMO,
  dataset: 'guide',
  points: 1,
  seed: 2,
  sizes: [3, 1],
  outputActivation: 'relu',
  biasInit: 'uniform',
  loss: 'mse',
  l2: 0,
  learningRate: 0.01,
  schedule: 'constant',
};

/**
 * Seed of the initial weights' generator: a stream of its own, derived from the run's seed, so
 * that any engine built from the same settings starts from the same weights.
 */
export function weightSeed(seed: number): number {
  return seed * 7919 + 17;
}

/** The learning rate of step `k`. */
export function learningRateAt(settings: TrainSettings, k: number): number {
  if (settings.schedule === 'constant') return settings.learningRate;
  const k1 = Math.min(k, settings.scheduleSteps); // after the horizon, hold the final rate
  return settings.learningRate * (1.0 - (0.9 * k1) / settings.scheduleSteps);
}
