/** What the graph renderer needs to know about the moment it draws (no copies of memory). */
import type { Memory } from '../../core';
import type { DisplayPhase } from '../../core';

/** The state of the engine and the selection, as the renderer reads it. */
export interface PaintContext {
  readonly memory: Memory;
  /** Base address of the scratch region (to index `lastScratch`). */
  readonly scratchBase: number;
  /** Scratch records with tape index in `[liveFrom, liveTo)` are in memory and shown. */
  readonly liveFrom: number;
  readonly liveTo: number;
  /** Scratch values saved before the last reset, shown on absent nodes (faded). */
  readonly lastScratch: Float64Array | null;
  readonly phase: DisplayPhase;
  /** Records at or above this tape index have passed their gradient on (Infinity: none yet). */
  readonly sweptFrom: number;
  /** Address of the node backward is at, or -1. */
  readonly current: number;
  /** Update phase: each parameter's value before the update, by address. */
  readonly updatedFrom: ReadonlyMap<number, number> | null;
  readonly selected: number | null;
  readonly hovered: number | null;
}
