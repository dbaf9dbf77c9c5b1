/**
 * The memory on screen, as every view reads it: the engine's linear memory and arenas (typed
 * arrays read in place), where the step stands and how much of it is revealed. The session owns
 * the one instance (`session.screen`) and bumps the store's `memoryVersion` whenever it changes.
 */
import type { Memory, MemoryArena, StepWindow } from '../core';

/** What every view can read about the memory on screen. */
export interface OnScreenMemory {
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
  /** Scratch bytes in use once the step on screen has pushed all its records (0: unknown). */
  plannedScratchBytes: number;
  /** Predict mode: whether a record's gradient is still the learner's to predict (null: none). */
  gradientHidden: ((address: number) => boolean) | null;
}
