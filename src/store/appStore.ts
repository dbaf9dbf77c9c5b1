/**
 * The app's zustand store: UI intent and low-rate summaries only, one slice per concern.
 * The numbers themselves live in the engine (see `liveEngine.ts`).
 */
import { create, type StateCreator } from 'zustand';
import { createMemoryVersionSlice, type MemoryVersionSlice } from './memoryVersionSlice';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createMemoryHistorySlice, type MemoryHistorySlice } from './memoryHistorySlice';
import { createPredictSlice, type PredictSlice } from './predictSlice';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTimelineSlice, type TimelineSlice } from './timelineSlice';
import { createTourAnswersSlice, type TourAnswersSlice } from './tourAnswersSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = SelectionSlice &
  MemoryVersionSlice &
  ScenarioSlice &
  ViewSlice &
  MemoryHistorySlice &
  TrainingSlice &
  LayoutSlice &
  TimelineSlice &
  TourAnswersSlice &
  PredictSlice;

/** Every slice together: the page's store, and a fresh one for a test. */
export const createAppState: StateCreator<AppState> = (...a) => ({
  ...createSelectionSlice(...a),
  ...createMemoryVersionSlice(...a),
  ...createMemoryHistorySlice(...a),
  ...createScenarioSlice(...a),
  ...createViewSlice(...a),
  ...createTrainingSlice(...a),
  ...createLayoutSlice(...a),
  ...createTimelineSlice(...a),
  ...createTourAnswersSlice(...a),
  ...createPredictSlice(...a),
});

export const useAppStore = create<AppState>()(createAppState);
