/**
 * The ops: free functions with the arena first, as in the guide (`add(arena, a, b)`). Each
 * computes its forward value now and pushes one record naming its parents and its op code; the
 * gradient rule for that op code lives in `gradientRules.ts`.
 */
import type { MemoryArena } from './arena';
import { Op, type OpCode } from './ops';
import { addressOf, checkLive, createValue, pushNode, type Value } from './value';

function binary(arena: MemoryArena, op: OpCode, a: Value, b: Value, value: number): Value {
  return pushNode(arena, value, op, addressOf(a), addressOf(b), 2);
}

function unary(arena: MemoryArena, op: OpCode, a: Value, value: number): Value {
  return pushNode(arena, value, op, addressOf(a), 0, 1);
}

/** Reads the forward value of an operand, checking it first in debug mode. */
function operand(arena: MemoryArena, v: Value): number {
  const memory = arena.memory;
  if (memory.debug) checkLive(memory, v);
  return memory.f64[addressOf(v) >> 3];
}

/** `a + b` */
export function add(arena: MemoryArena, a: Value, b: Value): Value {
  return binary(arena, Op.Add, a, b, operand(arena, a) + operand(arena, b));
}

/** `a · b` */
export function mul(arena: MemoryArena, a: Value, b: Value): Value {
  return binary(arena, Op.Mul, a, b, operand(arena, a) * operand(arena, b));
}

/** `a − b` */
export function sub(arena: MemoryArena, a: Value, b: Value): Value {
  return binary(arena, Op.Sub, a, b, operand(arena, a) - operand(arena, b));
}

/** `a / b` */
export function div(arena: MemoryArena, a: Value, b: Value): Value {
  return binary(arena, Op.Div, a, b, operand(arena, a) / operand(arena, b));
}

/**
 * `a ** n` for a constant exponent `n`. The exponent is pushed as a constant leaf and recorded
 * as the second parent, so the graph and the memory show it; it receives no gradient.
 */
export function pow(arena: MemoryArena, a: Value, n: number): Value {
  const base = operand(arena, a);
  const exponent = createValue(arena, n);
  return binary(arena, Op.Pow, a, exponent, Math.pow(base, n));
}

/** `−a` */
export function neg(arena: MemoryArena, a: Value): Value {
  return unary(arena, Op.Neg, a, -operand(arena, a));
}

/** `max(a, 0)` */
export function relu(arena: MemoryArena, a: Value): Value {
  const x = operand(arena, a);
  return unary(arena, Op.Relu, a, x > 0 ? x : 0);
}

/** `tanh(a)` */
export function tanh(arena: MemoryArena, a: Value): Value {
  return unary(arena, Op.Tanh, a, Math.tanh(operand(arena, a)));
}

/** `e^a` */
export function exp(arena: MemoryArena, a: Value): Value {
  return unary(arena, Op.Exp, a, Math.exp(operand(arena, a)));
}

/** `ln(a)` (NaN for a < 0, −Infinity at 0, as in IEEE arithmetic). */
export function log(arena: MemoryArena, a: Value): Value {
  return unary(arena, Op.Log, a, Math.log(operand(arena, a)));
}

/** `1 / (1 + e^−a)` */
export function sigmoid(arena: MemoryArena, a: Value): Value {
  return unary(arena, Op.Sigmoid, a, 1 / (1 + Math.exp(-operand(arena, a))));
}
