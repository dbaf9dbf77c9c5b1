/**
 * Backward as one reverse sweep over the tape: every Value is pushed after its parents, so an
 * arena's allocation order is already a topological order. No recursion, no visited set, each
 * node once: correct on any DAG (the guide's recursive version visits a shared node once per
 * path, which double-counts and takes exponential time).
 */
import type { MemoryArena } from './arena';
import { UseAfterResetError } from './errors';
import { applyGradientRules } from './ops/gradientSweep';
import { OFFSET_GRADIENT } from './recordLayout';
import { addressOf, checkLive, type Value } from './value';

/**
 * Sets `output.grad = 1` and propagates gradients to everything it depends on, sweeping the
 * tape of `arena` (the arena `output` lives in) from `output` down. Gradients accumulate (`+=`),
 * also into Values in other arenas such as model weights: zero them with {@link zeroGrad} first.
 * Records of other arenas are leaves of the sweep. Nodes with a zero gradient are skipped:
 * they contribute nothing.
 */
export function backward(arena: MemoryArena, output: Value): void {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, output);
  const start = tapeIndexOf(arena, addressOf(output));
  const f64 = memory.f64;
  const u32 = memory.u32;
  const tape = arena.tape;
  f64[(addressOf(output) + OFFSET_GRADIENT) >> 3] = 1;
  applyGradientRules(f64, u32, tape, start, 0);
}

/**
 * A backward sweep taken one node at a time, for views that show it node by node: the stretch
 * of `arena`'s tape still to visit, from `next` down to `downTo`. Each {@link sweepNext} applies
 * the same rules `backward` applies, to one node.
 */
export interface SweepCursor {
  readonly arena: MemoryArena;
  /** Tape index of the next node to visit; below `downTo` when the sweep is done. */
  next: number;
  /** The last (lowest) tape index the sweep visits. */
  readonly downTo: number;
}

/**
 * A cursor over `arena`'s tape from index `from` down to `downTo` (inclusive). It sets no
 * gradient: seed the output's gradient (usually 1) before the first {@link sweepNext}.
 */
export function createSweep(arena: MemoryArena, from: number, downTo: number): SweepCursor {
  return { arena, next: from, downTo };
}

/**
 * Applies the gradient rule of the node under the cursor and moves the cursor down the tape.
 * Returns the node's address, or -1 when the sweep is done.
 */
export function sweepNext(sweep: SweepCursor): number {
  const k = sweep.next;
  if (k < sweep.downTo) return -1;
  const { arena } = sweep;
  const memory = arena.memory;
  applyGradientRules(memory.f64, memory.u32, arena.tape, k, k);
  sweep.next = k - 1;
  return arena.tape[k];
}

/** Whether the sweep has visited every node of its stretch. */
export function sweepDone(sweep: SweepCursor): boolean {
  return sweep.next < sweep.downTo;
}

/** Sets the gradient of every Value in `arena` to 0: one pass over its tape. */
export function zeroGrad(arena: MemoryArena): void {
  const f64 = arena.memory.f64;
  const tape = arena.tape;
  for (let k = 0; k < arena.tapeLength; k++) f64[(tape[k] >> 3) + 1] = 0;
}

/** Position of the record at `address` on the arena's tape (binary search: addresses grow). */
export function tapeIndexOf(arena: MemoryArena, address: number): number {
  const tape = arena.tape;
  let lo = 0;
  let hi = arena.tapeLength - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = tape[mid];
    if (at === address) return mid;
    if (at < address) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new UseAfterResetError(
    address,
    arena.name,
    -1,
    `it is not a live Value of the ${arena.name} arena: backward must be given the arena ` +
      `that holds the output`,
  );
}
