/**
 * The app's zustand store: UI intent and low-rate summaries only, one slice per concern.
 * The numbers themselves live in the engine (see `liveEngine.ts`).
 */
import { create } from 'zustand';
import { createEngineSlice, type EngineSlice } from './engineSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';

export type AppState = SelectionSlice & EngineSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createSelectionSlice(...a),
  ...createEngineSlice(...a),
}));
