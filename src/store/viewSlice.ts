import type { StateCreator } from 'zustand';
import type { DisplayPhase } from '../core';

/** Numbers the stats panel shows, refreshed when the engine changes. */
export interface ScreenStats {
  /** Completed training steps. */
  step: number;
  /** Loss of the step in progress, or of the last one (NaN before any). */
  loss: number;
  /** Accuracy likewise (NaN when it does not apply). */
  accuracy: number;
  /**
   * Index of the training step whose loss is shown (the step in progress, or the last one;
   * NaN when no loss is shown or the scenario does not train).
   */
  lossStep: number;
  scratchUsed: number;
  scratchCapacity: number;
  scratchHighWater: number;
  modelUsed: number;
  modelCapacity: number;
  /** Records drawn / records in the step. */
  drawnNodes: number;
  stepNodes: number;
}

/** Where a program's error is. */
export interface ExpressionProblem {
  message: string;
  line: number;
  column: number;
}

/** Low-rate summaries for React: phase, caption, stats, errors. */
export interface ViewSlice {
  phase: DisplayPhase;
  caption: string;
  stats: ScreenStats;
  /** An engine error (overflow, divergence), or null. */
  error: string | null;
  /** The playground program's error, or null. */
  expressionError: ExpressionProblem | null;
  /**
   * The program the graph on screen was built from (the playground; null elsewhere): the code
   * pane shows it, since the editor's text may be one that has not built (yet, or at all).
   */
  builtProgram: string | null;
  setView: (
    view: Partial<
      Pick<ViewSlice, 'phase' | 'caption' | 'stats' | 'error' | 'expressionError' | 'builtProgram'>
    >,
  ) => void;
}

export const EMPTY_STATS: ScreenStats = {
  step: 0,
  loss: NaN,
  accuracy: NaN,
  lossStep: NaN,
  scratchUsed: 0,
  scratchCapacity: 0,
  scratchHighWater: 0,
  modelUsed: 0,
  modelCapacity: 0,
  drawnNodes: 0,
  stepNodes: 0,
};

export const createViewSlice: StateCreator<ViewSlice, [], [], ViewSlice> = (set) => ({
  phase: 'ready',
  caption: '',
  stats: EMPTY_STATS,
  error: null,
  expressionError: null,
  builtProgram: null,
  setView: (view) => set(view),
});
