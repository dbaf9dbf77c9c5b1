import { describe, expect, it } from 'vitest';
import {
  calibrate,
  MAX_STEPS_PER_SAMPLE,
  MIN_SAMPLE_TICKS,
  SAMPLE_MARGIN,
  SampleBatcher,
  stepsPerSample,
} from '../../../src/session/compare/sampling';

/** A clock that reads virtual time in whole ticks, and steps that cost `stepMs` of it. */
function virtualClock(tickMs: number, stepMs: () => number) {
  let now = 0.37 * tickMs; // not on a tick boundary
  return {
    clock: () => Math.floor(now / tickMs) * tickMs,
    run: (steps: number) => {
      for (let k = 0; k < steps; k++) now += stepMs();
    },
  };
}

describe('steps per sample', () => {
  it('makes every sample last at least 100 ticks, and not much more', () => {
    for (const tickMs of [0.001, 0.005, 0.1, 1]) {
      for (const stepMs of [0.0005, 0.002, 0.009, 0.03, 0.25, 1, 3.5, 40, 160]) {
        const steps = stepsPerSample(tickMs, stepMs);
        expect(steps).toBeGreaterThanOrEqual(1);
        expect(steps * stepMs).toBeGreaterThanOrEqual(MIN_SAMPLE_TICKS * tickMs);
        if (steps > 1)
          expect((steps - 1) * stepMs).toBeLessThanOrEqual(
            SAMPLE_MARGIN * MIN_SAMPLE_TICKS * tickMs * (1 + 1e-9),
          );
      }
    }
  });

  it("batches the guide's neuron on Chromium's 100 µs clock, and times a 40 ms step alone", () => {
    // a neuron step of about 9 µs (arena) and 30 µs (heap): 10 ms of steps per sample
    expect(stepsPerSample(0.1, 0.009)).toBeGreaterThanOrEqual(1112);
    expect(stepsPerSample(0.1, 0.03)).toBeGreaterThanOrEqual(334);
    expect(stepsPerSample(0.1, 40)).toBe(1);
  });

  it('never asks for more than the cap, even of a step that read 0', () => {
    expect(stepsPerSample(0.1, 0)).toBe(MAX_STEPS_PER_SAMPLE);
    expect(stepsPerSample(0.1, 1e-9)).toBe(MAX_STEPS_PER_SAMPLE);
  });
});

describe('calibration and the batcher, on a coarse clock', () => {
  it("estimates a step's cost to within 15 % though one step is a tenth of a tick", () => {
    for (const stepMs of [0.009, 0.03, 0.5, 40]) {
      const v = virtualClock(0.1, () => stepMs);
      const estimate = calibrate(v.run, v.clock, 0.1);
      expect(Math.abs(estimate - stepMs) / stepMs).toBeLessThan(0.15);
    }
  });

  it('grows the batch when a sample comes out short (the step got faster), until it counts', () => {
    let cost = 0.03;
    const v = virtualClock(0.1, () => cost);
    const batch = new SampleBatcher(0.1, calibrate(v.run, v.clock, 0.1));
    cost = 0.009; // optimised: three times faster than calibrated
    let taken = 0;
    for (;;) {
      const start = v.clock();
      v.run(batch.steps);
      const elapsed = v.clock() - start;
      taken++;
      if (batch.accept(elapsed)) {
        expect(elapsed).toBeGreaterThanOrEqual(MIN_SAMPLE_TICKS * 0.1);
        break;
      }
      expect(elapsed).toBeLessThan(MIN_SAMPLE_TICKS * 0.1);
    }
    expect(taken).toBe(2);
    expect(batch.retaken).toBe(1);
  });
});

describe('the batcher follows the cost both ways', () => {
  it('keeps samples near the target when steps get slower, and one slow sample does not swing it', () => {
    let cost = 0.009;
    const v = virtualClock(0.1, () => cost);
    const batch = new SampleBatcher(0.1, calibrate(v.run, v.clock, 0.1));
    const sample = () => {
      const start = v.clock();
      v.run(batch.steps);
      const elapsed = v.clock() - start;
      return { counted: batch.accept(elapsed), elapsed };
    };
    for (let k = 0; k < 5; k++) expect(sample().counted).toBe(true);
    const steady = batch.steps;
    cost = 0.2; // one sample paid for a pause
    sample();
    cost = 0.009;
    expect(batch.steps).toBe(steady);
    cost = 0.05; // from now on five times slower: the batch shrinks within a few samples
    const lengths = Array.from({ length: 12 }, () => sample().elapsed);
    expect(lengths.at(-1)!).toBeLessThan(2 * SAMPLE_MARGIN * MIN_SAMPLE_TICKS * 0.1);
    expect(lengths.at(-1)!).toBeGreaterThanOrEqual(MIN_SAMPLE_TICKS * 0.1);
  });
});
