import { describe, expect, it } from 'vitest';
import {
  MB,
  Memory,
  OP_INFO,
  Op,
  applyGradientRules,
  createValue,
  gradientAt,
  gradientToParent,
  parentAt,
  setGradientAt,
  valueAt,
} from '../../../src/core';
import { BUILD } from './opBuilders';

/** Parent values to try: both signs (relu's two branches), fractions, a non-integer exponent. */
const POINTS: [number, number][] = [
  [1.5, -2],
  [-0.7, 0.4],
  [0.3, 2.5],
];
const OUT_GRADS = [1, -0.75, 3.2];

const OPS = OP_INFO.filter((info) => info.code !== Op.Leaf);

/**
 * One record of op `code` on parents valued `x`, `y`, with out.grad `g` and the parents'
 * gradients preset to `before`; returns the record's address.
 */
function recordOf(code: number, x: number, y: number, g: number, before: [number, number]) {
  const memory = new Memory();
  const scratch = memory.addArena('scratch', MB(1));
  const out = BUILD[code](scratch, createValue(scratch, x), createValue(scratch, y)) >>> 0;
  const parents = [parentAt(memory, out, 0), parentAt(memory, out, 1)];
  parents.forEach((p, slot) => p !== 0 && setGradientAt(memory, p, before[slot]));
  setGradientAt(memory, out, g);
  return { memory, scratch, out, parents };
}

describe('the op table', () => {
  it('lists every op code once, at its own index', () => {
    expect(OP_INFO.map((info) => info.code)).toEqual(Object.values(Op));
    expect(new Set(OP_INFO.map((info) => info.name)).size).toBe(OP_INFO.length);
    expect(Object.keys(BUILD).map(Number)).toEqual(OPS.map((info) => info.code));
  });

  it('pins the literal op codes of the hot paths (gradientSweep.ts, nn.ts, fusedForward.ts) to their names', () => {
    expect(Op).toEqual({
      Leaf: 0,
      Add: 1,
      Mul: 2,
      Relu: 3,
      Sub: 4,
      Neg: 5,
      Div: 6,
      Pow: 7,
      Tanh: 8,
      Exp: 9,
      Log: 10,
      Sigmoid: 11,
      Sin: 12,
      Cos: 13,
    });
  });

  for (const info of OPS) {
    it(`${info.name}: compute gives the value the op's function stores`, () => {
      for (const [x, y] of POINTS) {
        const { memory, out, parents } = recordOf(info.code, x, y, 0, [0, 0]);
        const b = info.arity === 2 ? valueAt(memory, parents[1]) : 0;
        expect(info.compute(x, b)).toBe(valueAt(memory, out));
      }
    });

    it(`${info.name}: the readable rule adds exactly what applyGradientRules adds`, () => {
      for (const [x, y] of POINTS) {
        for (const g of OUT_GRADS) {
          const before: [number, number] = [0.25, -0.5];
          const { memory, scratch, out, parents } = recordOf(info.code, x, y, g, before);
          const k = scratch.tapeLength - 1;
          expect(scratch.tape[k]).toBe(out);
          const a = valueAt(memory, parents[0]);
          const b = valueAt(memory, parents[1]);
          const outValue = valueAt(memory, out);
          applyGradientRules(memory.f64, memory.u32, scratch.tape, k, k);
          for (let slot = 0; slot < info.arity; slot++) {
            const rule = gradientToParent(info.code, slot, outValue, a, b, g);
            expect(rule).toBe(info.gradientToParent(slot, outValue, a, b, g));
            expect(gradientAt(memory, parents[slot])).toBe(before[slot] + rule);
          }
        }
      }
    });
  }
});
