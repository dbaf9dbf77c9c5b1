import { describe, expect, it } from 'vitest';
import {
  MB,
  Memory,
  UseAfterResetError,
  add,
  backward,
  createSweep,
  createValue,
  getGrad,
  mul,
  setGradientAt,
  sweepDone,
  sweepNext,
  tanh,
  zeroGrad,
} from '../../src/core';

describe('backward as a tape sweep', () => {
  it('handles a chain of 1,000,000 nodes without recursion', () => {
    const memory = new Memory();
    const scratch = memory.addArena('scratch', MB(34));
    const x = createValue(scratch, 1);
    const one = createValue(scratch, 1);
    let v = x;
    let value = 1;
    let expectedOneGrad = 0; // every add contributes 1, every mul by 1 contributes v's value
    for (let i = 0; i < 1_000_000; i++) {
      if (i % 2 === 0) {
        v = add(scratch, v, one);
        expectedOneGrad += 1;
        value += 1;
      } else {
        v = mul(scratch, v, one);
        expectedOneGrad += value;
      }
    }
    backward(scratch, v);
    expect(getGrad(scratch, x)).toBe(1);
    expect(getGrad(scratch, one)).toBe(expectedOneGrad);
  });

  it('visits a shared node once: 60 doublings give exactly 2^60 in linear time', () => {
    // The guide's recursive backward would walk 2^60 paths here.
    const scratch = new Memory().addArena('scratch', MB(1));
    const a = createValue(scratch, 1);
    let v = a;
    for (let i = 0; i < 60; i++) v = add(scratch, v, v);
    backward(scratch, v);
    expect(getGrad(scratch, a)).toBe(2 ** 60);
  });

  it('sweeps records with other bytes between them (pointer arrays) as it sweeps records back to back', () => {
    // Same program twice: once with a pointer array pushed between every two ops, so the tape's
    // stretch is not back to back and the sweep takes its per-record path.
    const gradientsOf = (withGaps: boolean): number[] => {
      const scratch = new Memory().addArena('scratch', 65536);
      const x = createValue(scratch, 0.5);
      const y = createValue(scratch, -1.5);
      let v = x;
      for (let i = 0; i < 20; i++) {
        if (withGaps) scratch.pushArray(1 + (i % 3));
        v = i % 3 === 0 ? mul(scratch, v, y) : i % 3 === 1 ? add(scratch, v, x) : tanh(scratch, v);
      }
      if (withGaps) expect(scratch.used).toBeGreaterThan(scratch.tapeLength * 32);
      backward(scratch, v);
      return [getGrad(scratch, x), getGrad(scratch, y)];
    };
    const expected = gradientsOf(false);
    expect(expected.every((g) => g !== 0 && Number.isFinite(g))).toBe(true);
    expect(gradientsOf(true)).toEqual(expected);
  });

  it('accumulates into model weights until zeroGrad', () => {
    const memory = new Memory();
    const model = memory.addArena('model', 1024);
    const scratch = memory.addArena('scratch', 4096);
    const w = createValue(model, 3);
    for (let step = 0; step < 2; step++) {
      const c = scratch.mark();
      backward(scratch, mul(scratch, w, createValue(scratch, 2)));
      c.end();
    }
    expect(getGrad(model, w)).toBe(4);
    zeroGrad(model);
    expect(getGrad(model, w)).toBe(0);
  });

  it('refuses an output that is not on the given arena’s tape', () => {
    const memory = new Memory();
    const model = memory.addArena('model', 1024);
    const scratch = memory.addArena('scratch', 4096);
    const w = createValue(model, 3);
    expect(() => backward(scratch, w)).toThrow(UseAfterResetError);
  });
});

describe('a sweep cursor: backward one node at a time', () => {
  it('visits the tape top-down, once each, and ends with the gradients backward gives', () => {
    const build = () => {
      const memory = new Memory();
      const scratch = memory.addArena('scratch', 4096);
      const a = createValue(scratch, 0.5);
      const b = createValue(scratch, -1.5);
      const out = tanh(scratch, add(scratch, mul(scratch, a, b), a));
      return { memory, scratch, a, b, out };
    };
    const whole = build();
    backward(whole.scratch, whole.out);

    const stepped = build();
    const { memory, scratch, out } = stepped;
    setGradientAt(memory, out >>> 0, 1);
    const sweep = createSweep(scratch, scratch.tapeLength - 1, 0);
    const visited: number[] = [];
    while (!sweepDone(sweep)) visited.push(sweepNext(sweep));
    expect(sweepNext(sweep)).toBe(-1);
    expect(sweep.next).toBe(-1);
    expect(visited).toEqual(Array.from(scratch.tape.slice(0, scratch.tapeLength)).reverse());
    expect(memory.f64).toEqual(whole.memory.f64);
    expect(getGrad(scratch, stepped.a)).toBe(getGrad(whole.scratch, whole.a));
  });

  it('stops at downTo', () => {
    const memory = new Memory();
    const scratch = memory.addArena('scratch', 4096);
    const x = createValue(scratch, 2);
    const y = mul(scratch, x, x);
    setGradientAt(memory, y >>> 0, 1);
    const sweep = createSweep(scratch, 1, 1);
    expect(sweepNext(sweep)).toBe(y >>> 0);
    expect(sweepDone(sweep)).toBe(true);
    expect(sweepNext(sweep)).toBe(-1);
    expect(getGrad(scratch, x)).toBe(4);
  });
});
