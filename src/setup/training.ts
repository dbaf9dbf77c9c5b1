/**
 * The MLP workbench's training setup as plain data: what decides a run (data, model shape, loss,
 * learning rate), its default (micrograd's demo), the core's settings for it, and which changes
 * start a new run. Everything here, with the seed, decides a run exactly: same setup, same run.
 */
import {
  MICROGRAD_DEMO,
  STORED_DATASETS,
  type Activation,
  type DatasetName,
  type LossKind,
  type RateSegment,
  type Schedule,
  type TrainSettings,
  type WeightInit,
} from '../core';

/** The training setup of the MLP scenario; the URL carries it, a change rebuilds the model. */
export interface TrainingConfig {
  dataset: Exclude<DatasetName, 'guide'>;
  /** Number of points. */
  points: number;
  /** Gaussian noise of the data. */
  noise: number;
  /** Seed of the data and the initial weights. */
  seed: number;
  /** The initial weights' generator: arenagrad's, or Python's `random` as micrograd's. */
  weightInit: WeightInit;
  /** Neurons per hidden layer, e.g. [16, 16]; inputs (2) and output (1) are implied. */
  hidden: number[];
  /** Hidden layers' nonlinearity. */
  activation: Activation;
  loss: LossKind;
  /** Learning rate from step 0 (until the first of `rateSegments`). */
  learningRate: number;
  schedule: Schedule;
  /** Where the rate or schedule was changed mid-run (empty by default); see `rateSegments.ts`. */
  rateSegments: readonly RateSegment[];
}

/** The choices of each setup field that is a choice. */
export const DATASETS: readonly TrainingConfig['dataset'][] = [
  'moons',
  'circles',
  'xor',
  'spiral',
  'micrograd-moons',
];
export const WEIGHT_INITS: readonly WeightInit[] = ['arenagrad', 'micrograd'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'linear'];
export const LOSSES: readonly LossKind[] = ['hinge', 'mse'];
export const SCHEDULES: readonly Schedule[] = ['decay', 'constant'];

/** micrograd's demo. */
export const DEFAULT_TRAINING: TrainingConfig = {
  dataset: 'moons',
  points: MICROGRAD_DEMO.points,
  noise: MICROGRAD_DEMO.noise,
  seed: MICROGRAD_DEMO.seed,
  weightInit: MICROGRAD_DEMO.weightInit,
  hidden: [16, 16],
  activation: MICROGRAD_DEMO.activation,
  loss: MICROGRAD_DEMO.loss,
  learningRate: MICROGRAD_DEMO.learningRate,
  schedule: MICROGRAD_DEMO.schedule,
  rateSegments: [],
};

/** The core's settings for a training config (arena sizes and debug come from elsewhere). */
export function settingsOf(
  config: TrainingConfig,
  base: TrainSettings = MICROGRAD_DEMO,
): TrainSettings {
  return {
    ...base,
    dataset: config.dataset,
    points: config.points,
    noise: config.noise,
    seed: config.seed,
    weightInit: config.weightInit,
    sizes: [2, ...config.hidden, 1],
    activation: config.activation,
    loss: config.loss,
    l2: config.loss === 'hinge' ? MICROGRAD_DEMO.l2 : 0,
    learningRate: config.learningRate,
    schedule: config.schedule,
    rateSegments: config.rateSegments.map((segment) => ({ ...segment })),
  };
}

/** Whether two setups build the same data and model (the learning rates may differ). */
export function sameModel(a: TrainingConfig, b: TrainingConfig): boolean {
  return (
    a.dataset === b.dataset &&
    a.points === b.points &&
    a.noise === b.noise &&
    a.seed === b.seed &&
    a.weightInit === b.weightInit &&
    a.activation === b.activation &&
    a.loss === b.loss &&
    a.hidden.length === b.hidden.length &&
    a.hidden.every((n, i) => n === b.hidden[i])
  );
}

/** Whether two setups are the same run exactly (rate changes included). */
export function sameRun(a: TrainingConfig, b: TrainingConfig): boolean {
  return (
    sameModel(a, b) &&
    a.learningRate === b.learningRate &&
    a.schedule === b.schedule &&
    a.rateSegments.length === b.rateSegments.length &&
    a.rateSegments.every((s, i) => sameSegment(s, b.rateSegments[i]))
  );
}

function sameSegment(a: RateSegment, b: RateSegment): boolean {
  return (
    a.fromStep === b.fromStep && a.learningRate === b.learningRate && a.schedule === b.schedule
  );
}

/**
 * The setup with a stored dataset's own size and noise (micrograd's moons are 100 points made
 * with noise 0.1): the points and noise fields then say what the data are, not what to make.
 */
export function withStoredData(config: TrainingConfig): TrainingConfig {
  const stored = STORED_DATASETS[config.dataset];
  if (!stored || (config.points === stored.count && config.noise === stored.noise)) return config;
  return { ...config, points: stored.count, noise: stored.noise };
}

/** Why a setup's points or noise contradict its stored dataset, or null when they do not. */
export function storedDataProblem({ dataset, points, noise }: TrainingConfig): string | null {
  const stored = STORED_DATASETS[dataset];
  if (!stored || (points === stored.count && noise === stored.noise)) return null;
  return `${dataset} is ${stored.count} stored points (noise ${stored.noise}): its points and noise cannot change`;
}
