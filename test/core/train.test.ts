import { describe, expect, it } from 'vitest';
import {
  ArenaOverflowError,
  DivergenceError,
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  applyUpdate,
  backwardNext,
  beginStep,
  createTrainer,
  endStep,
  runForward,
  trainStep,
  type Trainer,
} from '../../src/core';

const weightsOf = (t: Trainer) => Array.from(t.mlp.parameters, (a) => t.memory.f64[a >> 3]);

/** Steps until one throws (at most `limit`); `good` holds the weights before each step. */
function trainUntilError(trainer: Trainer, limit: number) {
  const good: number[][] = [];
  for (let k = 0; k < limit; k++) {
    good.push(weightsOf(trainer));
    try {
      trainStep(trainer);
    } catch (error) {
      return { error, good };
    }
  }
  return { error: undefined as unknown, good };
}

describe('training step', () => {
  it('trains the micrograd demo (moons, 2-16-16-1) to ≥ 97% accuracy within 100 steps', () => {
    const trainer = createTrainer(MICROGRAD_DEMO);
    let best = 0;
    let first = NaN;
    let last = NaN;
    for (let k = 0; k < 100; k++) {
      const r = trainStep(trainer);
      if (k === 0) first = r.loss;
      last = r.loss;
      best = Math.max(best, r.accuracy);
      expect(r.nodes).toBe(65481);
    }
    expect(best).toBeGreaterThanOrEqual(0.97);
    expect(last).toBeLessThan(first / 5);
  });

  it('uses the same scratch footprint every step for 1,000 steps, and never grows the model', () => {
    const trainer = createTrainer({ ...MICROGRAD_DEMO, points: 20 });
    const modelBytes = trainer.model.used;
    const first = trainStep(trainer).scratchBytes;
    for (let k = 1; k < 1000; k++) {
      const r = trainStep(trainer);
      expect(r.scratchBytes).toBe(first);
      expect(r.modelBytes).toBe(modelBytes);
      expect(trainer.scratch.used).toBe(0);
    }
    expect(trainer.scratch.highWater).toBe(first);
  });

  it('replays exactly from the same settings', () => {
    const run = () => {
      const t = createTrainer({ ...MICROGRAD_DEMO, points: 30 });
      return Array.from({ length: 20 }, () => trainStep(t).loss);
    };
    expect(run()).toEqual(run());
  });

  it('the guide example trains: loss falls with each step', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    const losses = Array.from({ length: 5 }, () => trainStep(trainer).loss);
    expect(losses[0]).toBeGreaterThan(0);
    for (let k = 1; k < 5; k++) expect(losses[k]).toBeLessThan(losses[k - 1]);
  });

  it('phase-by-phase stepping gives the same numbers as trainStep', () => {
    const a = createTrainer({ ...MICROGRAD_DEMO, points: 10 });
    const b = createTrainer({ ...MICROGRAD_DEMO, points: 10 });
    for (let k = 0; k < 3; k++) {
      const ra = { ...trainStep(a) };
      const s = beginStep(b);
      runForward(s);
      while (backwardNext(s) !== -1);
      applyUpdate(s);
      const rb = { ...endStep(s) };
      expect(rb).toEqual(ra);
      expect(weightsOf(b)).toEqual(weightsOf(a));
    }
  });

  it('divergence throws before any weight changes and names the first bad node', () => {
    const trainer = createTrainer({ ...MICROGRAD_DEMO, points: 20, learningRate: 1e6 });
    const { error, good } = trainUntilError(trainer, 50);
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as Error).message).toMatch(/diverged at step \d+/);
    expect(weightsOf(trainer)).toEqual(good[good.length - 1]);
    expect(trainer.scratch.used).toBe(0);
  });

  it('a loss blowing up past lossLimit is divergence too, named by its first value past it', () => {
    // micrograd's demo at learning rate 100: the loss climbs to ~1e60 but never to Infinity.
    const trainer = createTrainer({ ...MICROGRAD_DEMO, learningRate: 100 });
    const { error, good } = trainUntilError(trainer, 10);
    expect(error).toBeInstanceOf(DivergenceError);
    const e = error as DivergenceError;
    expect(e.message).toMatch(/past the limit of 1e\+6: training is blowing up; node #\d+/);
    expect(Math.abs(trainer.memory.f64[e.address >> 3])).toBeGreaterThan(1e6);
    expect(weightsOf(trainer)).toEqual(good[good.length - 1]);
    const unlimited = createTrainer({ ...MICROGRAD_DEMO, learningRate: 100, lossLimit: Infinity });
    for (let k = 0; k <= e.step; k++) expect(Number.isFinite(trainStep(unlimited).loss)).toBe(true);
  });

  it('a scratch arena too small for a step overflows cleanly and can be enlarged', () => {
    const trainer = createTrainer({ ...MICROGRAD_DEMO, points: 20, scratchBytes: 64 * 1024 });
    const before = weightsOf(trainer);
    expect(() => trainStep(trainer)).toThrow(ArenaOverflowError);
    expect(weightsOf(trainer)).toEqual(before);
    expect(trainer.scratch.used).toBe(0);
    trainer.memory.resizeArena(trainer.scratch, 4 * 1024 * 1024);
    const r = trainStep(trainer);
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(weightsOf(trainer)).not.toEqual(before);
  });

  it('debug mode trains to the same numbers as release mode', () => {
    const a = createTrainer({ ...MICROGRAD_DEMO, points: 10 });
    const b = createTrainer({ ...MICROGRAD_DEMO, points: 10, debug: true });
    for (let k = 0; k < 3; k++) expect(trainStep(b).loss).toBe(trainStep(a).loss);
  });

  it('rejects a model that does not fit the dataset', () => {
    expect(() => createTrainer({ ...MICROGRAD_DEMO, sizes: [3, 4, 1] })).toThrow(/2 features/);
  });
});
