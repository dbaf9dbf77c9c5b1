import { describe, expect, it } from 'vitest';
import {
  ArenaOverflowError,
  ExpressionError,
  KB,
  MB,
  Memory,
  Op,
  add,
  backward,
  createValue,
  evaluateProgram,
  getGrad,
  getOp,
  getValue,
  gradProgram,
  mul,
  parseProgram,
  relu,
  type MemoryArena,
} from '../../../src/core';

const scratchArena = (bytes = MB(4), debug = false): MemoryArena =>
  new Memory({ debug }).addArena('scratch', bytes);

const SANITY = 'x = -4; z = 2*x + 2 + x; q = relu(z) + z*x; h = relu(z*z); y = h + q + q*x';

// micrograd's test_more_ops, with `c += e` written both ways.
const MORE_OPS = `a = -4.0; b = 2.0
c = a + b
d = a * b + b**3
c = c + c + 1
c = c + 1 + c + (-a)
d = d + d * 2 + relu(b + a)
d = d + 3 * d + relu(b - a)
e = c - d
f = e**2
g = f / 2.0
g = g + 10.0 / f`;
const MORE_OPS_COMPOUND = `a = -4.0; b = 2.0; c = a + b; d = a * b + b**3
c += c + 1; c += 1 + c + (-a)
d += d * 2 + relu(b + a); d += 3 * d + relu(b - a)
e = c - d; f = e**2; g = f / 2.0; g += 10.0 / f`;

describe('evaluateProgram / gradProgram: micrograd golden numbers', () => {
  it("micrograd's sanity check: y = -20, dy/dx = 46", () => {
    const { output, values, grads } = gradProgram(scratchArena(), SANITY);
    expect(output).toBe('y');
    expect(values.y).toBe(-20);
    expect(grads.x).toBe(46);
  });

  it('builds the same graph, node for node, as the same expression written with the API', () => {
    const viaLanguage = scratchArena();
    const result = evaluateProgram(viaLanguage, SANITY);
    const api = scratchArena();
    const x = createValue(api, -4);
    const z = add(api, add(api, mul(api, createValue(api, 2), x), createValue(api, 2)), x);
    const q = add(api, relu(api, z), mul(api, z, x));
    const h = relu(api, mul(api, z, z));
    const y = add(api, add(api, h, q), mul(api, q, x));
    backward(api, y);
    backward(viaLanguage, result.bindings.get('y') as number);
    expect(viaLanguage.tapeLength).toBe(api.tapeLength);
    for (const [name, v] of [
      ['x', x],
      ['z', z],
      ['q', q],
      ['h', h],
      ['y', y],
    ] as const) {
      const mine = result.bindings.get(name) as number;
      expect(getValue(viaLanguage, mine)).toBe(getValue(api, v));
      expect(getGrad(viaLanguage, mine)).toBe(getGrad(api, v));
    }
  });

  it.each([
    ['with c = c + …', MORE_OPS],
    ['with c += …', MORE_OPS_COMPOUND],
  ])("micrograd's larger case %s: g, dg/da, dg/db", (_, source) => {
    const { output, values, grads } = gradProgram(scratchArena(), source);
    expect(output).toBe('g');
    expect(values.g).toBeCloseTo(24.70408163265306, 9);
    expect(grads.a).toBeCloseTo(138.83381924198252, 9);
    expect(grads.b).toBeCloseTo(645.5772594752186, 9);
  });

  it('a = 1; b = a + a; c = b + b gives dc/da = 4 (shared sub-expressions)', () => {
    expect(gradProgram(scratchArena(), 'a = 1; b = a + a; c = b + b').grads).toEqual({
      a: 4,
      b: 2,
      c: 1,
    });
  });
});

describe('evaluateProgram: values and precedence', () => {
  it.each([
    ['y = -2**2', -4],
    ['y = 2**3**2', 512],
    ['y = 2*3+4', 10],
    ['y = (1+2)*3', 9],
    ['y = 2-3-4', -5],
    ['y = 10/4/5', 0.5],
    ['y = 2**-1', 0.5],
    ['y = (-3)**2', 9],
    ['y = -(3)', -3],
    ['x = 3; y = -x**2', -9],
    ['y = pow(9, 1/2)', 3],
    ['y = neg(relu(-2) + 5)', -5],
    ['y = 1.5e1 + 1e-1', 15.1],
    ['c = 1; c = c + 1; c = c * 10', 20],
  ])('%s = %d', (source, expected) => {
    const { values } = gradProgram(scratchArena(), source);
    expect(values.y ?? values.c).toBe(expected);
  });

  it('pushes one leaf per number literal, nothing for a name or a unary plus', () => {
    const arena = scratchArena();
    const { statements } = evaluateProgram(arena, 'x = -4\ny = +x\nz = x * 2 + x**2');
    // x: leaf. y: nothing (same Value as x). z: leaf 2, mul, leaf 2 (exponent), pow, add.
    expect(arena.tapeLength).toBe(6);
    expect(statements[1].value).toBe(statements[0].value);
    expect(getOp(arena, statements[0].value)).toBe(Op.Leaf);
    expect(getOp(arena, statements[2].value)).toBe(Op.Add);
  });

  it('rebinding a name keeps every statement’s Value; bindings hold the last one, in first-assignment order', () => {
    const arena = scratchArena();
    const result = evaluateProgram(arena, 'c = 3; d = 2; c = c * d; y = c + 1');
    expect([...result.bindings.keys()]).toEqual(['c', 'd', 'y']);
    expect(result.statements.map((s) => [s.name, s.line, s.column])).toEqual([
      ['c', 1, 1],
      ['d', 1, 8],
      ['c', 1, 15],
      ['y', 1, 26],
    ]);
    backward(arena, result.bindings.get('y') as number);
    expect(getGrad(arena, result.bindings.get('c') as number)).toBe(1);
    expect(getGrad(arena, result.statements[0].value)).toBe(2); // the first c, through c * d
  });

  it('accepts a parsed Program as well as source text', () => {
    const program = parseProgram('x = 2; y = x * x');
    expect(gradProgram(scratchArena(), program).grads.x).toBe(4);
  });
});

describe('gradProgram: every named Value has a gradient', () => {
  it('including names computed from numbers only and names the output ignores', () => {
    const result = gradProgram(scratchArena(), 'x = 3; y = 2; z = y*x; k = 4*5; w = z + 1');
    expect(result.grads).toEqual({ x: 2, y: 3, z: 1, k: 0, w: 1 });
    const unused = gradProgram(scratchArena(), 'x = 3; y = 2; z = y*x; w = 5');
    expect(unused.grads).toEqual({ x: 0, y: 0, z: 0, w: 1 });
  });

  it('for every name of the larger case, in a debug-mode memory too', () => {
    for (const debug of [false, true]) {
      const { values, grads } = gradProgram(scratchArena(MB(1), debug), MORE_OPS);
      expect(Object.keys(grads)).toEqual(Object.keys(values));
      expect(Object.keys(grads)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
      for (const g of Object.values(grads)) expect(Number.isFinite(g)).toBe(true);
      expect(grads.g).toBe(1);
    }
  });

  it('matches central finite differences through every function', () => {
    const program = (x: number) =>
      `x = ${x}\nu = tanh(x)*exp(x) + log(x + 2)/sigmoid(x) - neg(x)**3\n` +
      `y = u + pow(x, 2.5) + relu(x - 0.1) + x**-1 - 3/x + sin(3*x) - cos(x)*x`;
    for (const x of [0.3, 0.7, 1.9]) {
      const h = 1e-6;
      const at = (p: number) => gradProgram(scratchArena(KB(8)), program(p)).values.y;
      const numeric = (at(x + h) - at(x - h)) / (2 * h);
      expect(gradProgram(scratchArena(KB(8)), program(x)).grads.x).toBeCloseTo(numeric, 5);
    }
  });
});

describe('evaluateProgram: size and failure', () => {
  it('runs a chain of 100,000 statements, with a gradient for each', () => {
    const lines = ['x0 = 1'];
    for (let k = 1; k < 100_000; k++) lines.push(`x${k} = x${k - 1} * 1 + 1`);
    const { values, grads } = gradProgram(scratchArena(MB(16)), lines.join('\n'));
    expect(values.x99999).toBe(100_000);
    expect(grads.x0).toBe(1);
    expect(Object.keys(grads)).toHaveLength(100_000);
  });

  it('evaluates a sum of 100,000 terms without recursion', () => {
    const { values, grads } = gradProgram(
      scratchArena(MB(8)),
      `x = 2; y = x${' + x'.repeat(99_999)}`,
    );
    expect(values.y).toBe(200_000);
    expect(grads.x).toBe(100_000);
  });

  it('lets ArenaOverflowError through when the graph does not fit', () => {
    expect(() => gradProgram(scratchArena(KB(1)), `y = 1${' + 1'.repeat(100)}`)).toThrow(
      ArenaOverflowError,
    );
  });

  it('rejects a hand-built Program that uses an unbound name, at its position', () => {
    const program = {
      statements: [
        { name: 'y', line: 1, column: 1, expr: { kind: 'name', name: 'q', line: 1, column: 5 } },
      ],
    } as const;
    expect(() => evaluateProgram(scratchArena(), program)).toThrow(
      new ExpressionError("'q' is not defined yet: assign it before using it", 1, 5),
    );
  });

  it('shows only the start of a long unbound name', () => {
    const name = `q${'x'.repeat(99_999)}`;
    const expr = { kind: 'name', name, line: 1, column: 5 } as const;
    const program = { statements: [{ name: 'y', line: 1, column: 1, expr }] };
    expect(() => evaluateProgram(scratchArena(), program)).toThrow(
      new ExpressionError(
        `'q${'x'.repeat(19)}…' is not defined yet: assign it before using it`,
        1,
        5,
      ),
    );
  });
});
