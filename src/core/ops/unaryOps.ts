/**
 * The one-parent ops: neg, relu, tanh, exp, log, sigmoid, sin, cos. For each, its description and rule
 * (an {@link OpInfo}) and the function that pushes its record, side by side. The machine's copy
 * of each rule is its case in `applyGradientRules` (gradientSweep.ts); a test holds the two equal.
 */
import type { MemoryArena } from '../arena';
import { addressOf, linkRecord, reserveRecord, type Value } from '../value';
import { Op } from './opCodes';
import type { OpInfo } from './opInfo';
import { valuesOf } from './operands';

/** `−a` */
export const NEG: OpInfo = {
  code: Op.Neg,
  name: 'neg',
  symbol: 'neg',
  glyph: '~',
  arity: 1,
  forward: '−a',
  gradientRule: 'a.grad -= out.grad',
  compute: (a) => -a,
  gradientToParent: (_slot, _out, _a, _b, g) => -g,
};

/** `−a` */
export function neg(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = -x;
  return linkRecord(arena, address, Op.Neg, addressOf(a), 0, 1);
}

/** `max(a, 0)`: the gradient passes where the output is positive. */
export const RELU: OpInfo = {
  code: Op.Relu,
  name: 'relu',
  symbol: 'relu',
  glyph: 'r',
  arity: 1,
  forward: 'max(a, 0)',
  gradientRule: 'a.grad += (out > 0 ? 1 : 0) · out.grad',
  compute: (a) => (a > 0 ? a : 0),
  gradientToParent: (_slot, out, _a, _b, g) => (out > 0 ? g : 0),
};

/** `max(a, 0)` */
export function relu(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = x > 0 ? x : 0;
  return linkRecord(arena, address, Op.Relu, addressOf(a), 0, 1);
}

/** `tanh(a)`: its derivative, from its output, is `1 − out²`. */
export const TANH: OpInfo = {
  code: Op.Tanh,
  name: 'tanh',
  symbol: 'tanh',
  glyph: 't',
  arity: 1,
  forward: 'tanh(a)',
  gradientRule: 'a.grad += (1 − out²) · out.grad',
  compute: Math.tanh,
  gradientToParent: (_slot, out, _a, _b, g) => (1 - out * out) * g,
};

/** `tanh(a)` */
export function tanh(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.tanh(x);
  return linkRecord(arena, address, Op.Tanh, addressOf(a), 0, 1);
}

/** `e^a`: its own derivative. */
export const EXP: OpInfo = {
  code: Op.Exp,
  name: 'exp',
  symbol: 'exp',
  glyph: 'e',
  arity: 1,
  forward: 'e^a',
  gradientRule: 'a.grad += out · out.grad',
  compute: Math.exp,
  gradientToParent: (_slot, out, _a, _b, g) => out * g,
};

/** `e^a` */
export function exp(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.exp(x);
  return linkRecord(arena, address, Op.Exp, addressOf(a), 0, 1);
}

/** `ln(a)` */
export const LOG: OpInfo = {
  code: Op.Log,
  name: 'log',
  symbol: 'log',
  glyph: 'l',
  arity: 1,
  forward: 'ln(a)',
  gradientRule: 'a.grad += out.grad / a',
  compute: Math.log,
  gradientToParent: (_slot, _out, a, _b, g) => g / a,
};

/** `ln(a)` (NaN for a < 0, −Infinity at 0, as in IEEE arithmetic) */
export function log(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.log(x);
  return linkRecord(arena, address, Op.Log, addressOf(a), 0, 1);
}

/** `1 / (1 + e^−a)`: its derivative, from its output, is `out · (1 − out)`. */
export const SIGMOID: OpInfo = {
  code: Op.Sigmoid,
  name: 'sigmoid',
  symbol: 'σ',
  glyph: 'σ',
  arity: 1,
  forward: '1 / (1 + e^−a)',
  gradientRule: 'a.grad += out · (1 − out) · out.grad',
  compute: (a) => 1 / (1 + Math.exp(-a)),
  gradientToParent: (_slot, out, _a, _b, g) => out * (1 - out) * g,
};

/** `1 / (1 + e^−a)` */
export function sigmoid(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = 1 / (1 + Math.exp(-x));
  return linkRecord(arena, address, Op.Sigmoid, addressOf(a), 0, 1);
}

/** `sin(a)` (radians): its derivative is `cos(a)`. */
export const SIN: OpInfo = {
  code: Op.Sin,
  name: 'sin',
  symbol: 'sin',
  glyph: 's',
  arity: 1,
  forward: 'sin(a)',
  gradientRule: 'a.grad += cos(a) · out.grad',
  compute: Math.sin,
  gradientToParent: (_slot, _out, a, _b, g) => Math.cos(a) * g,
};

/** `sin(a)`, `a` in radians */
export function sin(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.sin(x);
  return linkRecord(arena, address, Op.Sin, addressOf(a), 0, 1);
}

/** `cos(a)` (radians): its derivative is `−sin(a)`. */
export const COS: OpInfo = {
  code: Op.Cos,
  name: 'cos',
  symbol: 'cos',
  glyph: 'c',
  arity: 1,
  forward: 'cos(a)',
  gradientRule: 'a.grad -= sin(a) · out.grad',
  compute: Math.cos,
  gradientToParent: (_slot, _out, a, _b, g) => -(Math.sin(a) * g),
};

/** `cos(a)`, `a` in radians */
export function cos(arena: MemoryArena, a: Value): Value {
  const f64 = valuesOf(arena, a, a);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  f64[address >> 3] = Math.cos(x);
  return linkRecord(arena, address, Op.Cos, addressOf(a), 0, 1);
}
