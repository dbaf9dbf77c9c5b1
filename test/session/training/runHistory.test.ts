import { describe, expect, it } from 'vitest';
import { RunHistory, type HistoryLimits } from '../../../src/session/training/runHistory';

const LIMITS: HistoryLimits = {
  maxDenseStates: 5,
  maxDenseBytes: 1 << 20,
  sparseEvery: 3,
  maxSteps: 20,
};
const params = (state: number) => [state, -state];

function filled(steps: number): RunHistory {
  const h = new RunHistory(2, params(0), LIMITS);
  for (let k = 0; k < steps; k++) h.record(k, 10 - k, k / 10, params(k + 1));
  return h;
}

describe('RunHistory', () => {
  it('keeps every state densely, then every sparseEvery-th', () => {
    const h = filled(12);
    expect(h.length).toBe(12);
    expect(h.lossAt(3)).toBe(7);
    expect(h.accuracyAt(11)).toBe(1.1);
    expect([...h.nearestState(4).parameters]).toEqual(params(4));
    expect(h.nearestState(4).state).toBe(4);
    // 5 and 7, 8 are not kept; 6 and 9 are (multiples of 3 past the dense part).
    expect(h.nearestState(5).state).toBe(4);
    expect(h.nearestState(8).state).toBe(6);
    expect([...h.nearestState(9).parameters]).toEqual(params(9));
    expect(h.nearestState(99).state).toBe(12);
  });

  it('re-recording the same step keeps the future; a different one drops it', () => {
    const h = filled(8);
    h.record(2, 8, 0.2, params(3));
    expect(h.length).toBe(8);
    h.record(2, 8, 0.2, [0, 0]);
    expect(h.length).toBe(3);
    expect([...h.nearestState(3).parameters]).toEqual([0, 0]);
    expect(h.nearestState(7).state).toBe(3);
  });

  it('an edit at a state rewrites that state and forgets the steps after it', () => {
    const dense = filled(10);
    dense.edit(3, [42, 43]);
    expect(dense.length).toBe(3);
    expect([...dense.nearestState(3).parameters]).toEqual([42, 43]);
    expect([...dense.nearestState(2).parameters]).toEqual(params(2));
    const sparse = filled(10);
    sparse.edit(7, [7.5, -7.5]); // past the dense part, off the every-3rd grid
    expect(sparse.nearestState(7)).toEqual({ state: 7, parameters: Float64Array.of(7.5, -7.5) });
    expect(sparse.length).toBe(7);
  });

  it('refuses gaps and stops at maxSteps', () => {
    const h = filled(3);
    expect(() => h.record(5, 0, 0, params(6))).toThrow(RangeError);
    const full = filled(25);
    expect(full.length).toBe(LIMITS.maxSteps);
    expect(full.full).toBe(true);
  });

  it('caps dense snapshots by bytes for big models', () => {
    const big = new RunHistory(1000, new Float64Array(1000), {
      ...LIMITS,
      maxDenseStates: 10_000,
      maxDenseBytes: 80_000,
    });
    expect(big.denseLimit).toBe(10);
  });
});
