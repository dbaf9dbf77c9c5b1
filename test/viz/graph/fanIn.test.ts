import { describe, expect, it } from 'vitest';
import {
  MB,
  Memory,
  add,
  backward,
  createValue,
  gradientAt,
  mul,
  sub,
  tanh,
  type Value,
} from '../../../src/core';
import { fanInLine, fanInSum, fanInTerms } from '../../../src/viz/graph/fanIn';

describe('fan-in: a gradient as the sum over the records it feeds', () => {
  it('sums, in the sweep order, to exactly the gradient the sweep stored', () => {
    const memory = new Memory();
    const s = memory.addArena('scratch', MB(1));
    const a = createValue(s, 0.7);
    const c = createValue(s, -1.3);
    const sq = mul(s, a, a); // a twice in one record
    const ac = mul(s, a, c);
    const d = sub(s, sq, ac);
    const out = tanh(s, add(s, d, a));
    backward(s, out);
    const address = (v: Value) => v >>> 0;
    const terms = fanInTerms(memory, s.tape, 0, s.tapeLength, address(a));
    expect(terms.map((t) => [t.child, t.slot])).toEqual([
      [s.tape[s.tapeLength - 2], 1], // the add (d + a), visited first
      [address(ac), 0],
      [address(sq), 0],
      [address(sq), 1],
    ]);
    expect(fanInSum(terms)).toBe(gradientAt(memory, address(a)));
    // Finite differences agree with the sum (the sum is the derivative, not only the stored field).
    const f = (x: number) => Math.tanh(x * x - x * -1.3 + x);
    const h = 1e-6;
    expect(fanInSum(terms)).toBeCloseTo((f(0.7 + h) - f(0.7 - h)) / (2 * h), 8);
    const line = fanInLine(memory, address(a), terms, (p) => `#${(p - s.base) / 32}`);
    expect(line).toMatch(
      /^#0\.grad = .+ from \+#5 \+ .+ from ×#3 \+ .+ from ×#2 \+ .+ from ×#2 = /,
    );
  });
});
