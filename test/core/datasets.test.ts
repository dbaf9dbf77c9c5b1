import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, STORED_DATASETS, createRandom, makeDataset } from '../../src/core';

describe('datasets', () => {
  it('the guide example is one point [1, 2, 3] with label +1', () => {
    const d = makeDataset('guide');
    expect([d.count, d.dims, ...d.x, ...d.y]).toEqual([1, 3, 1, 2, 3, 1]);
  });

  const made = DATASET_NAMES.filter((n) => n !== 'guide' && STORED_DATASETS[n] === undefined);
  for (const name of made) {
    it(`${name}: 2-D, labels ±1 in both classes, seeded`, () => {
      const d = makeDataset(name, { count: 100, seed: 4 });
      expect(d.dims).toBe(2);
      expect(d.x).toHaveLength(200);
      expect(new Set(d.y)).toEqual(new Set([-1, 1]));
      expect(d.x.every(Number.isFinite)).toBe(true);
      expect(makeDataset(name, { count: 100, seed: 4 })).toEqual(d);
      expect(makeDataset(name, { count: 100, seed: 5 }).x).not.toEqual(d.x);
    });
  }

  it('moons without noise lies on two half circles (sklearn make_moons)', () => {
    const d = makeDataset('moons', { count: 100, noise: 0 });
    for (let i = 0; i < d.count; i++) {
      const [x, y] = [d.x[2 * i], d.x[2 * i + 1]];
      const r = d.y[i] < 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      expect(r).toBeCloseTo(1, 12);
    }
    expect(d.y.filter((l) => l > 0)).toHaveLength(50);
  });

  it("micrograd's moons are stored: 100 points of both classes, whatever the options", () => {
    const d = makeDataset('micrograd-moons');
    expect([d.count, d.dims, d.x.length]).toEqual([100, 2, 200]);
    expect(STORED_DATASETS['micrograd-moons']).toEqual({ count: d.count, noise: 0.1 });
    expect(d.y.filter((l) => l > 0)).toHaveLength(50);
    expect(makeDataset('micrograd-moons', { count: 10, noise: 0.5, seed: 9 })).toEqual(d);
    // Noisy moons (noise 0.1): every point lies near its class's half circle, as make_moons'.
    for (let i = 0; i < d.count; i++) {
      const [x, y] = [d.x[2 * i], d.x[2 * i + 1]];
      const r = d.y[i] < 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      expect(Math.abs(r - 1)).toBeLessThan(0.5);
    }
  });

  it('rejects bad sizes and noise', () => {
    expect(() => makeDataset('moons', { count: 0 })).toThrow(RangeError);
    expect(() => makeDataset('moons', { noise: -1 })).toThrow(RangeError);
  });

  it('the generator replays and spreads uniformly', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
