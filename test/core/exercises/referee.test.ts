import { describe, expect, it } from 'vitest';
import { EXERCISES, refereeHint, type ProgramExercise } from '../../../src/core/exercises';
import { KB } from '../../../src/core';
import { SOLUTIONS } from './programs';

const LAYOUT = { modelBytes: KB(1), scratchBytes: KB(64) };
const exercise = (id: string) =>
  EXERCISES.find((e): e is ProgramExercise => e.kind === 'program' && e.id === id)!;

describe('the finite-difference hint', () => {
  it('micrograd 1: for the same h the central difference is nearer the tape than the forward one', () => {
    const ex = exercise('micrograd-1');
    const hint = refereeHint(ex, SOLUTIONS['micrograd-1'].right[0], LAYOUT);
    expect(hint.h).toBe(1e-6);
    expect(hint.rows.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    for (const row of hint.rows) {
      const golden = ex.components.find((c) => c.kind === 'gradient' && c.name === row.name)!;
      expect(row.tape).toBeCloseTo(golden.golden, 12);
      expect(Math.abs(row.central - row.tape)).toBeLessThan(Math.abs(row.forward - row.tape));
      expect(Math.abs(row.forward - row.tape)).toBeLessThan(1e-4);
    }
    // The forward difference for a, by hand: (f(2 + h) − f(2)) / h.
    const f = (a: number) => -(a ** 3) + Math.sin(9) - 1 / 4 + 3 ** 2.5 - a ** 0.5;
    expect(hint.rows[0].forward).toBeCloseTo((f(2 + 1e-6) - f(2)) / 1e-6, 6);
  });

  it('skips what is computed (n in the neuron) and what is missing', () => {
    const hint = refereeHint(
      exercise('lecture-neuron'),
      SOLUTIONS['lecture-neuron'].right[0],
      LAYOUT,
    );
    expect(hint.skipped).toEqual(['n']);
    expect(hint.rows.map((r) => r.name)).toEqual(['x1', 'w1', 'x2', 'w2']);
    const missing = refereeHint(exercise('lecture-L'), 'a = 2\nL = a*a', LAYOUT);
    expect(missing.skipped).toEqual(['b', 'c', 'f']);
    expect(missing.rows[0].tape).toBe(4);
  });
});
