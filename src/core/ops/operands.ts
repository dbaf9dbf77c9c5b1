import type { MemoryArena } from '../arena';
import { checkLive, type Value } from '../value';

/** The memory's doubles, after checking the operands in debug mode. */
export function valuesOf(arena: MemoryArena, a: Value, b: Value): Float64Array {
  const memory = arena.memory;
  if (memory.debug) {
    checkLive(memory, a);
    checkLive(memory, b);
  }
  return memory.f64;
}
