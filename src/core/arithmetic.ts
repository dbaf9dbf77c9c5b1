/**
 * The ops: free functions with the arena first, as in the guide (`add(arena, a, b)`). Each
 * computes its forward value now and pushes one record naming its parents and its op code; the
 * gradient rule for that op code lives in `gradientRules.ts`.
 */
import type { MemoryArena } from './arena';
import { Op } from './ops';
import { addressOf, checkLive, createValue, linkRecord, reserveRecord, type Value } from './value';

/** The memory's doubles, after checking the operands in debug mode. */
function valuesOf(arena: MemoryArena, a: Value, b: Value): Float64Array {
  const memory = arena.memory;
  if (memory.debug) {
    checkLive(memory, a);
    checkLive(memory, b);
  }
  return memory.f64;
}

// Each op reserves its record, stores the value it computes, then links the parents. The value
// is never passed to a call (see `reserveRecord`): an op allocates nothing in JavaScript.

/** `a + b` */
export function add(arena: MemoryArena, a: Value, b: Value): Value {
  const f64 = valuesOf(arena, a, b);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  const y = f64[addressOf(b) >> 3];
  f64[address >> 3] = x + y;
  return linkRecord(arena, address, Op.Add, addressOf(a), addressOf(b), 2);
}

/** `a · b` */
export function mul(arena: MemoryArena, a: Value, b: Value): Value {
  const f64 = valuesOf(arena, a, b);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  const y = f64[addressOf(b) >> 3];
  f64[address >> 3] = x * y;
  return linkRecord(arena, address, Op.Mul, addressOf(a), addressOf(b), 2);
}

/** `a − b` */
export function sub(arena: MemoryArena, a: Value, b: Value): Value {
  const f64 = valuesOf(arena, a, b);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  const y = f64[addressOf(b) >> 3];
  f64[address >> 3] = x - y;
  return linkRecord(arena, address, Op.Sub, addressOf(a), addressOf(b), 2);
}

/** `a / b` */
export function div(arena: MemoryArena, a: Value, b: Value): Value {
  const f64 = valuesOf(arena, a, b);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  const y = f64[addressOf(b) >> 3];
  f64[address >> 3] = x / y;
  return linkRecord(arena, address, Op.Div, addressOf(a), addressOf(b), 2);
}

/**
 * `a ** n` for a constant exponent `n`. The exponent is pushed as a constant leaf and recorded
 * as the second parent, so the graph and the memory show it; it receives no gradient.
 */
export function pow(arena: MemoryArena, a: Value, n: number): Value {
  return powOf(arena, a, createValue(arena, n));
}

function powOf(arena: MemoryArena, a: Value, exponent: Value): Value {
  const f64 = valuesOf(arena, a, exponent);
  const address = reserveRecord(arena);
  f64[address >> 3] = Math.pow(f64[addressOf(a) >> 3], f64[addressOf(exponent) >> 3]);
  return linkRecord(arena, address, Op.Pow, addressOf(a), addressOf(exponent), 2);
}

/** `−a` */
export function neg(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = -x;
  return linkRecord(arena, address, Op.Neg, addressOf(a), 0, 1);
}

/** `max(a, 0)` */
export function relu(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = x > 0 ? x : 0;
  return linkRecord(arena, address, Op.Relu, addressOf(a), 0, 1);
}

/** `tanh(a)` */
export function tanh(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.tanh(x);
  return linkRecord(arena, address, Op.Tanh, addressOf(a), 0, 1);
}

/** `e^a` */
export function exp(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.exp(x);
  return linkRecord(arena, address, Op.Exp, addressOf(a), 0, 1);
}

/** `ln(a)` (NaN for a < 0, −Infinity at 0, as in IEEE arithmetic) */
export function log(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.log(x);
  return linkRecord(arena, address, Op.Log, addressOf(a), 0, 1);
}

/** `1 / (1 + e^−a)` */
export function sigmoid(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = 1 / (1 + Math.exp(-x));
  return linkRecord(arena, address, Op.Sigmoid, addressOf(a), 0, 1);
}
