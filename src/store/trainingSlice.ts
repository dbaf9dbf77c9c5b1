import type { StateCreator } from 'zustand';
import {
  MICROGRAD_DEMO,
  type Activation,
  type DatasetName,
  type LossKind,
  type Schedule,
  type TrainSettings,
} from '../core';

/**
 * The workbench's training setup for the MLP scenario: data, model shape, loss and learning
 * rate. Everything here, with the seed, decides a run exactly (same setup, same run); the URL
 * carries it. A change rebuilds the model arena.
 */
export interface TrainingConfig {
  dataset: Exclude<DatasetName, 'guide'>;
  /** Number of points. */
  points: number;
  /** Gaussian noise of the data. */
  noise: number;
  /** Seed of the data and the initial weights. */
  seed: number;
  /** Neurons per hidden layer, e.g. [16, 16]; inputs (2) and output (1) are implied. */
  hidden: number[];
  /** Hidden layers' nonlinearity. */
  activation: Activation;
  loss: LossKind;
  /** Base learning rate. */
  learningRate: number;
  schedule: Schedule;
}

/** micrograd's demo. */
export const DEFAULT_TRAINING: TrainingConfig = {
  dataset: 'moons',
  points: MICROGRAD_DEMO.points,
  noise: MICROGRAD_DEMO.noise,
  seed: MICROGRAD_DEMO.seed,
  hidden: [16, 16],
  activation: MICROGRAD_DEMO.activation,
  loss: MICROGRAD_DEMO.loss,
  learningRate: MICROGRAD_DEMO.learningRate,
  schedule: MICROGRAD_DEMO.schedule,
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
    sizes: [2, ...config.hidden, 1],
    activation: config.activation,
    loss: config.loss,
    l2: config.loss === 'hinge' ? MICROGRAD_DEMO.l2 : 0,
    learningRate: config.learningRate,
    schedule: config.schedule,
  };
}

/** The training setup, and how to change it. */
export interface TrainingSlice {
  training: TrainingConfig;
  /** Merges a change into the setup (which rebuilds the model). */
  setTraining: (change: Partial<TrainingConfig>) => void;
  /**
   * A step the user asked to be at (the step slider, a shared link): the training runner brings
   * the model there — back through its history or forward by training, deterministically — and
   * clears the request. Null when there is none.
   */
  requestedStep: number | null;
  requestStep: (step: number | null) => void;
  /** What the training runner reports (low rate): history length, speed, fast play. */
  workbench: WorkbenchStatus;
  setWorkbench: (change: Partial<WorkbenchStatus>) => void;
}

/** The training runner's summary for the workbench panel. */
export interface WorkbenchStatus {
  /** Steps in the run's history (the step slider's end). */
  historySteps: number;
  /** Measured steps per second of the last fast play (0 before any). */
  stepsPerSecond: number;
  /** Whether the worker is training (fast play, or training forward to a requested step). */
  fast: boolean;
}

export const createTrainingSlice: StateCreator<TrainingSlice, [], [], TrainingSlice> = (set) => ({
  training: DEFAULT_TRAINING,
  setTraining: (change) => set((s) => ({ training: { ...s.training, ...change } })),
  requestedStep: null,
  requestStep: (step) => set({ requestedStep: step }),
  workbench: { historySteps: 0, stepsPerSecond: 0, fast: false },
  setWorkbench: (change) => set((s) => ({ workbench: { ...s.workbench, ...change } })),
});
