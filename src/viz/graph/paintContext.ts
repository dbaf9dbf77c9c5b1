/** What the graph renderer needs to know about the moment it draws (no copies of memory). */
import type { Memory } from '../../core';
import type { DisplayPhase } from '../../core';

/** The state of the engine and the selection, as the renderer reads it. */
export interface PaintContext {
  readonly memory: Memory;
  /** Scratch records with tape index in `[liveFrom, liveTo)` are in memory and shown. */
  readonly liveFrom: number;
  readonly liveTo: number;
  /**
   * One past the last scratch record in memory: those in `[liveTo, pushedTo)` were pushed (forward
   * runs whole) but are not revealed yet. Above it, and below `liveFrom`, nothing is in memory.
   */
  readonly pushedTo: number;
  readonly phase: DisplayPhase;
  /** Records at or above this tape index have passed their gradient on (Infinity: none yet). */
  readonly sweptFrom: number;
  /** Address of the node backward is at, or -1. */
  readonly current: number;
  /** Update phase: each parameter's value before the update, by address. */
  readonly updatedFrom: ReadonlyMap<number, number> | null;
  /**
   * Predict mode: whether a record's gradient is still the learner's to predict (its box shows
   * `g ?`, its name says so, no flow is drawn into it). Absent or null: every gradient shows.
   */
  readonly gradientHidden?: ((address: number) => boolean) | null;
  readonly selected: number | null;
  readonly hovered: number | null;
}
