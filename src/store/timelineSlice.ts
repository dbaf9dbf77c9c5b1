import type { StateCreator } from 'zustand';

/** Where the step on screen stands among its events (the event slider), or null. */
export interface StepTimeline {
  /** The event shown: 0 is the step's start, `last` its end. */
  readonly index: number;
  readonly last: number;
}

/** The line of code being executed (1-based) and the numbers written beside it. */
export interface CodeLine {
  readonly line: number;
  readonly note: string;
}

/** The event slider's summary and the code pane's line, written by the session only. */
export interface TimelineSlice {
  timeline: StepTimeline | null;
  /** The code pane's current line, or null (nothing executing yet). */
  codeLine: CodeLine | null;
  /** Whether → passes over records with nothing to pass on (leaves, constants) in backward. */
  skipLeaves: boolean;
  setTimeline: (timeline: StepTimeline | null) => void;
  setCodeLine: (codeLine: CodeLine | null) => void;
  /** Scenarios whose code pane is hidden (by default the MLP's and before vs after's: their
   * workbench and comparison panels need the room). */
  codeHiddenIn: readonly string[];
  toggleCode: (scenario: string) => void;
  setSkipLeaves: (skip: boolean) => void;
}

export const createTimelineSlice: StateCreator<TimelineSlice, [], [], TimelineSlice> = (set) => ({
  timeline: null,
  skipLeaves: false,
  setTimeline: (timeline) => set({ timeline }),
  codeLine: null,
  setCodeLine: (codeLine) => set({ codeLine }),
  codeHiddenIn: ['mlp', 'compare'],
  toggleCode: (scenario) =>
    set((s) => ({
      codeHiddenIn: s.codeHiddenIn.includes(scenario)
        ? s.codeHiddenIn.filter((id) => id !== scenario)
        : [...s.codeHiddenIn, scenario],
    })),
  setSkipLeaves: (skipLeaves) => set({ skipLeaves }),
});
