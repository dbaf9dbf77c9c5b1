import type { StateCreator } from 'zustand';

/** Memory use at the end of one training step. */
export interface MemoryPoint {
  /** Index of the step (0 for the first). */
  readonly step: number;
  /** Scratch bytes the step used at its peak (before its reset). */
  readonly scratchBytes: number;
  /** The scratch arena's high-water mark after the step. */
  readonly scratchHighWater: number;
  /** Model arena bytes in use. */
  readonly modelBytes: number;
}

/** Most points kept; older ones are dropped. */
export const MEMORY_HISTORY_LIMIT = 1000;

/** Memory use per step, for the memory chart. Appended when a step ends. */
export interface MemoryHistorySlice {
  memoryHistory: readonly MemoryPoint[];
  /** Appends a step's point (a point for the same step replaces the last one). */
  recordMemoryStep: (point: MemoryPoint) => void;
  /** Empties the history (a new engine). */
  clearMemoryHistory: () => void;
  /** Keeps the points of steps before `steps` (the screen went back to an earlier step). */
  truncateMemoryHistory: (steps: number) => void;
}

export const createMemoryHistorySlice: StateCreator<
  MemoryHistorySlice,
  [],
  [],
  MemoryHistorySlice
> = (set) => ({
  memoryHistory: [],
  recordMemoryStep: (point) =>
    set((s) => {
      const last = s.memoryHistory[s.memoryHistory.length - 1];
      const kept =
        last !== undefined && last.step === point.step
          ? s.memoryHistory.slice(0, -1)
          : s.memoryHistory;
      const next = [...kept, { ...point }];
      return {
        memoryHistory:
          next.length > MEMORY_HISTORY_LIMIT ? next.slice(-MEMORY_HISTORY_LIMIT) : next,
      };
    }),
  clearMemoryHistory: () => set({ memoryHistory: [] }),
  truncateMemoryHistory: (steps) =>
    set((s) => ({ memoryHistory: s.memoryHistory.filter((p) => p.step < steps) })),
});
