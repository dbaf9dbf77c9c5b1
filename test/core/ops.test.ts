import { describe, expect, it } from 'vitest';
import {
  MB,
  Memory,
  add,
  backward,
  cos,
  createValue,
  div,
  exp,
  getGrad,
  getValue,
  log,
  mul,
  neg,
  pow,
  relu,
  sigmoid,
  sin,
  sub,
  tanh,
  type MemoryArena,
  type Value,
} from '../../src/core';

function scratchArena(debug = false): MemoryArena {
  return new Memory({ debug }).addArena('scratch', MB(1));
}

describe('golden numbers through the API (micrograd test_engine.py)', () => {
  for (const debug of [false, true]) {
    it(`sanity check (${debug ? 'debug' : 'release'})`, () => {
      const s = scratchArena(debug);
      const x = createValue(s, -4);
      const c = (n: number) => createValue(s, n);
      const z = add(s, add(s, mul(s, c(2), x), c(2)), x);
      const q = add(s, relu(s, z), mul(s, z, x));
      const h = relu(s, mul(s, z, z));
      const y = add(s, add(s, h, q), mul(s, q, x));
      backward(s, y);
      expect(getValue(s, y)).toBe(-20);
      expect(getGrad(s, x)).toBe(46);
    });
  }

  it('more ops', () => {
    const s = scratchArena();
    const c = (n: number) => createValue(s, n);
    const a = c(-4);
    const b = c(2);
    let cc = add(s, a, b);
    let d = add(s, mul(s, a, b), pow(s, b, 3));
    cc = add(s, cc, add(s, cc, c(1)));
    cc = add(s, cc, add(s, add(s, c(1), cc), neg(s, a)));
    d = add(s, d, add(s, mul(s, d, c(2)), relu(s, add(s, b, a))));
    d = add(s, d, add(s, mul(s, c(3), d), relu(s, sub(s, b, a))));
    const e = sub(s, cc, d);
    const f = pow(s, e, 2);
    let g = div(s, f, c(2));
    g = add(s, g, div(s, c(10), f));
    backward(s, g);
    expect(Math.abs(getValue(s, g) - 24.70408163265306)).toBeLessThan(1e-9);
    expect(Math.abs(getGrad(s, a) - 138.83381924198252)).toBeLessThan(1e-9);
    expect(Math.abs(getGrad(s, b) - 645.5772594752186)).toBeLessThan(1e-9);
  });

  it('sin: micrograd exercise 1, f(a, b, c) = −a³ + sin(3b) − 1/c + b^2.5 − a^0.5 at (2, 3, 4)', () => {
    const s = scratchArena();
    const [a, b, c] = [2, 3, 4].map((x) => createValue(s, x));
    const k = (n: number) => createValue(s, n);
    let f = neg(s, pow(s, a, 3));
    f = add(s, f, sin(s, mul(s, k(3), b)));
    f = sub(s, f, div(s, k(1), c));
    f = add(s, f, pow(s, b, 2.5));
    f = sub(s, f, pow(s, a, 0.5));
    backward(s, f);
    // Golden numbers: the exercise's own answers (karpathy/micrograd exercises notebook).
    expect(getValue(s, f)).toBeCloseTo(6.336362190988558, 12);
    expect(getGrad(s, a)).toBeCloseTo(-12.353553390593273, 12);
    expect(getGrad(s, b)).toBeCloseTo(10.25699027111255, 12);
    expect(getGrad(s, c)).toBeCloseTo(0.0625, 12);
  });

  it('cos: d/dx of x·cos(x) is cos(x) − x·sin(x)', () => {
    const s = scratchArena();
    const x = createValue(s, 0.5);
    backward(s, mul(s, x, cos(s, x)));
    expect(getGrad(s, x)).toBeCloseTo(Math.cos(0.5) - 0.5 * Math.sin(0.5), 15);
  });

  it('shared sub-expressions count once per use: a+a, a*a, b+b', () => {
    const s = scratchArena();
    const a = createValue(s, 1);
    const b = add(s, a, a);
    const c = add(s, b, b);
    backward(s, c);
    expect(getGrad(s, a)).toBe(4);
    const s2 = scratchArena();
    const x = createValue(s2, 3);
    const sq = mul(s2, x, x);
    backward(s2, sq);
    expect(getGrad(s2, x)).toBe(6);
  });
});

type Unary = (s: MemoryArena, a: Value) => Value;
type Binary = (s: MemoryArena, a: Value, b: Value) => Value;

const UNARY: [string, Unary, number[]][] = [
  ['neg', neg, [-2, 0.3, 5]],
  ['relu', relu, [-2, 0.3, 5]],
  ['tanh', tanh, [-2, 0.3, 1.5]],
  ['exp', exp, [-2, 0.3, 1.5]],
  ['log', log, [0.2, 1, 7]],
  ['sigmoid', sigmoid, [-3, 0.3, 2]],
  ['sin', sin, [-2, 0.3, 9]],
  ['cos', cos, [-2, 0.3, 9]],
  ['pow 3', (s, a) => pow(s, a, 3), [-2, 0.3, 1.5]],
  ['pow -1.5', (s, a) => pow(s, a, -1.5), [0.4, 1, 3]],
  ['pow 0.5', (s, a) => pow(s, a, 0.5), [0.4, 1, 3]],
];
const BINARY: [string, Binary][] = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div],
];
const PAIRS = [
  [1.5, -2],
  [-0.7, 0.4],
  [3, 5],
];

/** f built fresh in its own arena at the given inputs; returns its value. */
function evaluate(build: (s: MemoryArena, xs: Value[]) => Value, xs: number[]): number {
  const s = scratchArena();
  return getValue(
    s,
    build(
      s,
      xs.map((x) => createValue(s, x)),
    ),
  );
}

function checkFiniteDifferences(build: (s: MemoryArena, xs: Value[]) => Value, xs: number[]) {
  const s = scratchArena();
  const inputs = xs.map((x) => createValue(s, x));
  backward(s, build(s, inputs));
  const h = 1e-6;
  xs.forEach((x, i) => {
    const plus = [...xs];
    const minus = [...xs];
    plus[i] = x + h;
    minus[i] = x - h;
    const numeric = (evaluate(build, plus) - evaluate(build, minus)) / (2 * h);
    const analytic = getGrad(s, inputs[i]);
    expect(Math.abs(analytic - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
  });
}

describe('every op against finite differences', () => {
  for (const [name, op, points] of UNARY) {
    for (const x of points) {
      it(`${name} at ${x}`, () => checkFiniteDifferences((s, [a]) => op(s, a), [x]));
    }
  }
  for (const [name, op] of BINARY) {
    for (const [x, y] of PAIRS) {
      it(`${name} at (${x}, ${y})`, () =>
        checkFiniteDifferences((s, [a, b]) => op(s, a, b), [x, y]));
      it(`${name} of a shared operand at ${x}`, () =>
        checkFiniteDifferences((s, [a]) => op(s, a, a), [x]));
    }
  }
  it('a composite of every op', () =>
    checkFiniteDifferences(
      (s, [a, b]) =>
        add(
          s,
          mul(s, tanh(s, div(s, a, b)), sigmoid(s, sub(s, a, b))),
          add(
            s,
            add(s, log(s, exp(s, relu(s, a))), neg(s, pow(s, b, 2))),
            mul(s, sin(s, a), cos(s, b)),
          ),
        ),
      [0.8, -1.3],
    ));
});
