import type { StateCreator } from 'zustand';

/** A low-rate signal that the live engine's numbers changed (a step, a phase, a rebuild). */
export interface EngineSlice {
  /** Bumped whenever the live engine changes; views redraw on it. */
  engineVersion: number;
  touchEngine: () => void;
}

export const createEngineSlice: StateCreator<EngineSlice, [], [], EngineSlice> = (set) => ({
  engineVersion: 0,
  touchEngine: () => set((s) => ({ engineVersion: s.engineVersion + 1 })),
});
