/**
 * The two-parent ops: add, mul, sub, div, pow. For each, its description and rule (an
 * {@link OpInfo}) and the function that pushes its record, side by side. The machine's copy of
 * each rule is its case in `applyGradientRules` (gradientSweep.ts); a test holds the two equal.
 */
import type { MemoryArena } from '../arena';
import { addressOf, createValue, linkRecord, reserveRecord, type Value } from '../value';
import { Op } from './opCodes';
import type { OpInfo } from './opInfo';
import { valuesOf } from './operands';

// Each op reserves its record, stores the value it computes, then links the parents. The value
// is never passed to a call (see `reserveRecord`): an op allocates nothing in JavaScript.

/** `a + b`: the gradient passes through to both parents. */
export const ADD: OpInfo = {
  code: Op.Add,
  name: 'add',
  symbol: '+',
  glyph: '+',
  arity: 2,
  forward: 'a + b',
  gradientRule: 'a.grad += out.grad; b.grad += out.grad',
  compute: (a, b) => a + b,
  gradientToParent: (_slot, _out, _a, _b, g) => g,
};

/** `a + b` */
export function add(arena: MemoryArena, a: Value, b: Value): Value {
  const f64 = valuesOf(arena, a, b);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  const y = f64[addressOf(b) >> 3];
  f64[address >> 3] = x + y;
  return linkRecord(arena, address, Op.Add, addressOf(a), addressOf(b), 2);
}

/** `a · b`: each parent's gradient grows by the other parent times the gradient. */
export const MUL: OpInfo = {
  code: Op.Mul,
  name: 'mul',
  symbol: '×',
  glyph: '×',
  arity: 2,
  forward: 'a · b',
  gradientRule: 'a.grad += b · out.grad; b.grad += a · out.grad',
  compute: (a, b) => a * b,
  gradientToParent: (slot, _out, a, b, g) => (slot === 0 ? b * g : a * g),
};

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
export const SUB: OpInfo = {
  code: Op.Sub,
  name: 'sub',
  symbol: '−',
  glyph: '−',
  arity: 2,
  forward: 'a − b',
  gradientRule: 'a.grad += out.grad; b.grad -= out.grad',
  compute: (a, b) => a - b,
  gradientToParent: (slot, _out, _a, _b, g) => (slot === 0 ? g : -g),
};

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
export const DIV: OpInfo = {
  code: Op.Div,
  name: 'div',
  symbol: '÷',
  glyph: '÷',
  arity: 2,
  forward: 'a / b',
  gradientRule: 'a.grad += out.grad / b; b.grad -= a / b² · out.grad',
  compute: (a, b) => a / b,
  gradientToParent: (slot, _out, a, b, g) => (slot === 0 ? g / b : -((a / (b * b)) * g)),
};

/** `a / b` */
export function div(arena: MemoryArena, a: Value, b: Value): Value {
  const f64 = valuesOf(arena, a, b);
  const address = reserveRecord(arena);
  const x = f64[addressOf(a) >> 3];
  const y = f64[addressOf(b) >> 3];
  f64[address >> 3] = x / y;
  return linkRecord(arena, address, Op.Div, addressOf(a), addressOf(b), 2);
}

/** `a ** n`: `b` is the constant exponent `n`, which gets no gradient. */
export const POW: OpInfo = {
  code: Op.Pow,
  name: 'pow',
  symbol: '^',
  glyph: '^',
  arity: 2,
  forward: 'a ** n (n constant)',
  gradientRule: 'a.grad += n · a^(n−1) · out.grad (n is constant: no gradient)',
  compute: (a, n) => Math.pow(a, n),
  gradientToParent: (slot, _out, a, n, g) => (slot === 0 ? n * Math.pow(a, n - 1) * g : 0),
};

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
