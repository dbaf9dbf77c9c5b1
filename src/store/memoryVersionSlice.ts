import type { StateCreator } from 'zustand';

/** A low-rate signal that the live engine's numbers changed (a step, a phase, a rebuild). */
export interface MemoryVersionSlice {
  /** Bumped whenever the live engine changes; views redraw on it. */
  memoryVersion: number;
  touchMemory: () => void;
}

export const createMemoryVersionSlice: StateCreator<
  MemoryVersionSlice,
  [],
  [],
  MemoryVersionSlice
> = (set) => ({
  memoryVersion: 0,
  touchMemory: () => set((s) => ({ memoryVersion: s.memoryVersion + 1 })),
});
