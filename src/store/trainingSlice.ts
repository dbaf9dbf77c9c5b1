import type { StateCreator } from 'zustand';
import { DEFAULT_TRAINING, type TrainingConfig } from '../setup';

/** The training setup, and how to change it. */
export interface TrainingSlice {
  training: TrainingConfig;
  /** Merges a change into the setup (which rebuilds the model). */
  setTraining: (change: Partial<TrainingConfig>) => void;
  /** What the session's training run reports (low rate): history length, speed, fast play. */
  workbench: WorkbenchStatus;
  setWorkbench: (change: Partial<WorkbenchStatus>) => void;
}

/** The training run's summary for the workbench panel. */
export interface WorkbenchStatus {
  /** Steps in the run's history (the step slider's end). */
  historySteps: number;
  /** Measured steps per second of the last fast play (0 before any). */
  stepsPerSecond: number;
  /** Whether the worker is training (fast play, or training forward to a requested step). */
  fast: boolean;
  /** The step the worker is training forward to (a link's or the slider's), or null. */
  targetStep: number | null;
}

export const createTrainingSlice: StateCreator<TrainingSlice, [], [], TrainingSlice> = (set) => ({
  training: DEFAULT_TRAINING,
  setTraining: (change) => set((s) => ({ training: { ...s.training, ...change } })),
  workbench: { historySteps: 0, stepsPerSecond: 0, fast: false, targetStep: null },
  setWorkbench: (change) => set((s) => ({ workbench: { ...s.workbench, ...change } })),
});
