/** Everything that decides a training run, the two runs the app starts from, and the schedule. */
import type { DatasetName } from '../datasets';
import type { LossKind } from '../loss';
import { MB } from '../memory';
import type { Activation, BiasInit } from '../nn';
import { createPythonRandom } from '../pythonRandom';
import { createRandom, type Random } from '../random';

/** Learning-rate schedule: micrograd's `lr · (1 − 0.9·k/steps)`, or constant. */
export type Schedule = 'decay' | 'constant';

/**
 * A change of the learning rate during a run: from step `fromStep` on (≥ 1), until the next
 * change, step k trains at `learningRate` under `schedule`. The schedule keeps counting from
 * step 0 (a decaying rate at step k is `learningRate · (1 − 0.9·k/steps)` whenever it was set).
 */
export interface RateSegment {
  readonly fromStep: number;
  readonly learningRate: number;
  readonly schedule: Schedule;
}

/**
 * Where the initial weights come from: `arenagrad`, this project's generator (mulberry32, a
 * stream of its own: {@link weightSeed}); `micrograd`, Python's `random` after
 * `random.seed(seed)`, one `random.uniform(-1, 1)` per weight in parameter order, as
 * micrograd's `nn.py` draws them (MT19937: `pythonRandom.ts`).
 */
export type WeightInit = 'arenagrad' | 'micrograd';

/** Everything that decides a run. The same settings replay the same run. */
export interface TrainSettings {
  dataset: DatasetName;
  /** Points in the dataset (ignored by `guide`). */
  points: number;
  noise: number;
  /** Seed for the dataset and the initial weights. */
  seed: number;
  /** The generator of the initial weights (seeded with `seed`). */
  weightInit: WeightInit;
  /** Layer sizes, inputs first: `[2, 16, 16, 1]`. */
  sizes: number[];
  activation: Activation;
  outputActivation: Activation;
  biasInit: BiasInit;
  loss: LossKind;
  /** L2 regularisation strength (micrograd's alpha). */
  l2: number;
  /** The learning rate and schedule from step 0 (until the first of `rateSegments`). */
  learningRate: number;
  schedule: Schedule;
  /**
   * Changes of the rate mid-run, steps increasing (empty: one rate for the whole run). They are
   * part of the run, so every engine and every replay applies them at the same steps.
   */
  rateSegments: readonly RateSegment[];
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
  weightInit: 'arenagrad',
  sizes: [2, 16, 16, 1],
  activation: 'relu',
  outputActivation: 'linear',
  biasInit: 'zero',
  loss: 'hinge',
  l2: 1e-4,
  learningRate: 1.0,
  schedule: 'decay',
  rateSegments: [],
  scheduleSteps: 100,
  modelBytes: MB(1),
  scratchBytes: MB(4),
  debug: false,
  lossLimit: 1e6,
};

/**
 * micrograd's demo notebook's own run (karpathy/micrograd `demo.ipynb`): its 100 points
 * (`micrograd-moons`) and its initial weights (Python's `random.seed(1337)`), with the demo's
 * model, loss and schedule: 2-16-16-1 relu, hinge + L2 1e-4, lr 1.0 − 0.9·k/100, full batch.
 * Its steps 0–99 print the notebook's losses (`data/microgradNotebook.ts`).
 */
export const MICROGRAD_NOTEBOOK: TrainSettings = {
  ...MICROGRAD_DEMO,
  dataset: 'micrograd-moons',
  seed: 1337,
  weightInit: 'micrograd',
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

/** The generator a trainer draws its initial weights from, in parameter order. */
export function weightRandom(settings: Pick<TrainSettings, 'seed' | 'weightInit'>): Random {
  return settings.weightInit === 'micrograd'
    ? createPythonRandom(settings.seed)
    : createRandom(weightSeed(settings.seed));
}

/**
 * The rate and schedule in force at step `k`: the rate segment with the latest `fromStep` ≤ k
 * (the last given, if two share a step), or the settings' own rate before the first.
 */
export function rateSegmentAt(
  settings: Pick<TrainSettings, 'learningRate' | 'schedule' | 'rateSegments'>,
  k: number,
): RateSegment {
  let current: RateSegment = {
    fromStep: 0,
    learningRate: settings.learningRate,
    schedule: settings.schedule,
  };
  for (const segment of settings.rateSegments)
    if (segment.fromStep <= k && segment.fromStep >= current.fromStep) current = segment;
  return current;
}

/** The learning rate of step `k`, with the rate segments in force at `k`. */
export function learningRateAt(settings: TrainSettings, k: number): number {
  const { learningRate, schedule } =
    settings.rateSegments.length === 0 ? settings : rateSegmentAt(settings, k);
  if (schedule === 'constant') return learningRate;
  const k1 = Math.min(k, settings.scheduleSteps); // after the horizon, hold the final rate
  return learningRate * (1.0 - (0.9 * k1) / settings.scheduleSteps);
}
