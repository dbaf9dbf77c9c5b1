/**
 * Named readers of a Value record by its byte address, for everything outside the engine's hot
 * paths (views, the session, the inspector): `valueAt(memory, a)` instead of
 * `memory.f64[a >> 3]`. Each is one typed-array access that V8 inlines. They take addresses, not
 * handles, and check nothing: a view reads whatever bytes are there (see `addressOf` to turn a
 * handle into an address, and `getValue` for the checked, handle-taking reads).
 */
import { OFFSET_GRADIENT, OFFSET_OP, OFFSET_PREV0, OFFSET_PREV_COUNT } from './recordLayout';
import type { Memory } from './memory';

/** The record's forward value. */
export function valueAt(memory: Memory, address: number): number {
  return memory.f64[address >> 3];
}

/** The record's gradient, d(output)/d(record). */
export function gradientAt(memory: Memory, address: number): number {
  return memory.f64[(address + OFFSET_GRADIENT) >> 3];
}

/** Writes the record's forward value. */
export function setValueAt(memory: Memory, address: number, value: number): void {
  memory.f64[address >> 3] = value;
}

/** Writes the record's gradient. */
export function setGradientAt(memory: Memory, address: number, gradient: number): void {
  memory.f64[(address + OFFSET_GRADIENT) >> 3] = gradient;
}

/** The address in parent slot `slot` (0 or 1; 0 = none). */
export function parentAt(memory: Memory, address: number, slot: number): number {
  return memory.u32[((address + OFFSET_PREV0) >> 2) + slot];
}

/** How many parent slots the record uses (0, 1, 2). */
export function parentCountAt(memory: Memory, address: number): number {
  return memory.u8[address + OFFSET_PREV_COUNT];
}

/** The record's op code. */
export function opAt(memory: Memory, address: number): number {
  return memory.u8[address + OFFSET_OP];
}

/** Entry `i` of a pointer array (`pushArray`) that starts at `address`. */
export function pointerAt(memory: Memory, address: number, i: number): number {
  return memory.u32[(address >> 2) + i];
}
