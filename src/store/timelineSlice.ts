import type { StateCreator } from 'zustand';

/** Where the step on screen stands among its events (the event slider), or null. */
export interface StepTimeline {
  /** The event shown: 0 is the step's start, `last` its end. */
  readonly index: number;
  readonly last: number;
}

/** The event slider's summary, written by the session only. */
export interface TimelineSlice {
  timeline: StepTimeline | null;
  /** Whether → passes over records with nothing to pass on (leaves, constants) in backward. */
  skipLeaves: boolean;
  setTimeline: (timeline: StepTimeline | null) => void;
  setSkipLeaves: (skip: boolean) => void;
}

export const createTimelineSlice: StateCreator<TimelineSlice, [], [], TimelineSlice> = (set) => ({
  timeline: null,
  skipLeaves: false,
  setTimeline: (timeline) => set({ timeline }),
  setSkipLeaves: (skipLeaves) => set({ skipLeaves }),
});
