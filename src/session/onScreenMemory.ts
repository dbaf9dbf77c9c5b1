/**
 * The engine the page is showing right now, kept outside React and outside the zustand store:
 * renderers read its typed arrays in place. Whoever replaces or steps it calls the store's
 * `touchEngine()` so that views know to redraw.
 */
import type { Memory, MemoryArena, StepTrace, StepWindow } from '../core';

/** What every view can read about the engine on screen. */
export interface LiveEngine {
  /** The linear memory (both arenas). Read views from it each time: it can be replaced. */
  readonly memory: Memory;
  readonly model: MemoryArena;
  readonly scratch: MemoryArena;
  /** The step in progress when stepping by phase or node, else null. */
  step: StepWindow | null;
  /**
   * Scratch tape index one past the last record the animation has revealed. During a forward
   * animation it runs from the step's `tapeStart` up to `lossEnd`; otherwise it equals
   * `scratch.tapeLength`.
   */
  revealed: number;
  /** The trace of the last whole step, if one was recorded. */
  trace: StepTrace | null;
}

let live: LiveEngine | null = null;

/** The engine on screen, or null before the first scenario is built. */
export function getLiveEngine(): LiveEngine | null {
  return live;
}

/** Puts an engine on screen. */
export function setLiveEngine(engine: LiveEngine | null): void {
  live = engine;
}
