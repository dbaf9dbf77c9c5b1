import type { StateCreator } from 'zustand';

/** Which Value the user is pointing at, shared by the graph and the memory views. */
export interface SelectionSlice {
  /** Byte address of the selected record, or null. */
  selectedAddress: number | null;
  /** Byte address of the hovered record, or null. */
  hoveredAddress: number | null;
  select: (address: number | null) => void;
  hover: (address: number | null) => void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (
  set,
) => ({
  selectedAddress: null,
  hoveredAddress: null,
  select: (address) => set({ selectedAddress: address }),
  hover: (address) => set({ hoveredAddress: address }),
});
