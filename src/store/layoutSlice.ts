import type { StateCreator } from 'zustand';

/** How the screen is divided: the graph alone (for a projector), or with its side panels. */
export interface LayoutSlice {
  /** Whether the graph takes the whole width (side panels hidden, still running). */
  wideGraph: boolean;
  toggleWideGraph: () => void;
}

export const createLayoutSlice: StateCreator<LayoutSlice, [], [], LayoutSlice> = (set) => ({
  wideGraph: false,
  toggleWideGraph: () => set((s) => ({ wideGraph: !s.wideGraph })),
});
