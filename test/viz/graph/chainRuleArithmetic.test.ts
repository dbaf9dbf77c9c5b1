import { describe, expect, it } from 'vitest';
import {
  MB,
  Memory,
  OP_INFO,
  Op,
  applyGradientRules,
  createValue,
  gradientAt,
  parentAt,
  parentCountAt,
  pow,
  setGradientAt,
  type MemoryArena,
  type Value,
} from '../../../src/core';
import { BUILD as OP_BUILDERS } from '../../core/ops/opBuilders';
import { chainRuleLines } from '../../../src/viz/graph/chainRule';
import { formatNumber } from '../../../src/viz/graph/numberFormat';

/** Every op's record; pow with a constant exponent of 3 (the panel shows n · a^(n−1)). */
const BUILD: Record<number, (s: MemoryArena, a: Value, b: Value) => Value> = {
  ...OP_BUILDERS,
  [Op.Pow]: (s, a) => pow(s, a, 3),
};
const NAMES = ['a', 'b'];
/**
 * `a.grad += … = N`, or `b.grad -= … = M, so b.grad += N`: the parent, the rule's sign, the
 * number the rule adds or subtracts (M), and the change of the parent's gradient (N).
 */
const LINE = /^([ab])\.grad (\+=|-=) .* = (\S+?)(?:, so \1\.grad \+= (\S+))?$/;

describe('the chain-rule panel shows what the backward sweep adds', () => {
  for (const info of OP_INFO.filter((i) => i.code !== Op.Leaf)) {
    for (const [x, y, g] of [
      [1.5, -2, 0.75],
      [-0.7, 0.4, -3],
    ]) {
      it(`${info.name} at (${x}, ${y}) with out.grad ${g}`, () => {
        const memory = new Memory();
        const scratch = memory.addArena('scratch', MB(1));
        const out = BUILD[info.code](scratch, createValue(scratch, x), createValue(scratch, y));
        const address = out >>> 0;
        setGradientAt(memory, address, g);
        const parents = [0, 1]
          .slice(0, parentCountAt(memory, address))
          .map((slot) => parentAt(memory, address, slot));
        const nameOf = (p: number) => (p === address ? 'out' : (NAMES[parents.indexOf(p)] ?? '?'));
        const lines = chainRuleLines(memory, address, nameOf);

        const k = scratch.tapeLength - 1;
        applyGradientRules(memory.f64, memory.u32, scratch.tape, k, k);
        const added = parents.map((p) => gradientAt(memory, p)); // every parent started at 0

        const shown = lines.map((line) => LINE.exec(line)).filter((m) => m !== null);
        expect(shown.length).toBe(info.code === Op.Pow ? 1 : info.arity);
        for (const [, who, sign, operand, change] of shown) {
          const delta = added[NAMES.indexOf(who)];
          // The rule's own number: what it adds (+=) or subtracts (-=) …
          expect(operand).toBe(formatNumber(sign === '-=' ? -delta : delta));
          // … and, after -=, the change itself, signed: y.grad -= 2.6, so y.grad += −2.6.
          if (sign === '-=') expect(change).toBe(formatNumber(delta));
          else expect(change).toBeUndefined();
        }
        if (info.code === Op.Pow) expect(added[1]).toBe(0); // the exponent: no gradient
      });
    }
  }
});
