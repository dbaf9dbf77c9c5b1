import { describe, expect, it } from 'vitest';
import {
  CompareCore,
  engineTimes,
  timerResolution,
} from '../../../src/session/compare/compareCore';
import { LossMatch } from '../../../src/session/compare/lossMatch';

const clock = () => performance.now();
/** Chromium's clock without cross-origin isolation: 100 µs ticks. */
const coarseClock = () => Math.floor(performance.now() / 0.1) * 0.1;

describe('the before-vs-after core', () => {
  it('samples both engines in turn with equal losses, and counts what the heap engine made', () => {
    const core = new CompareCore(1, { kind: 'demo', points: 10 }, 6, clock, null);
    while (core.pair());
    const s = core.summary();
    expect(s.samples).toBe(6);
    expect(s.running).toBe(false);
    expect(s.error).toBeNull();
    expect(s.losses.compared).toBe(Math.min(s.arena.steps, s.heap.steps));
    expect(s.losses.compared).toBeGreaterThanOrEqual(6);
    expect(s.losses.equal).toBe(s.losses.compared);
    expect(s.losses.lastArena).toBe(s.losses.lastHeap);
    expect(s.heapAllocations.values).toBe(s.nodes);
    expect(s.arenaBytes).toBe(32 * s.nodes);
    expect(s.arena.recentUs).toHaveLength(6);
    expect(s.checkpointEndNs).toBeGreaterThan(0);
  });

  it("times the guide's neuron on a 100 µs clock: no zeros, every sample 100 ticks or more", () => {
    const core = new CompareCore(2, { kind: 'neuron', points: 1 }, 8, coarseClock, null);
    while (core.pair());
    const s = core.summary();
    expect(s.error).toBeNull();
    expect(s.nodes).toBe(18);
    expect(s.timerResolutionUs).toBeCloseTo(100, 6);
    expect(s.minSampleUs).toBeCloseTo(10_000, 6);
    for (const t of [s.arena, s.heap]) {
      expect(t.samples).toBe(8);
      expect(t.stepsPerSample).toBeGreaterThan(1); // a step is shorter than a tick
      expect(t.medianUs).toBeGreaterThan(0);
      expect(t.p10Us).toBeGreaterThan(0);
      expect(t.shortestSampleUs).toBeGreaterThanOrEqual(s.minSampleUs);
      expect(t.spikeShare).not.toBeNull();
      expect(t.spikeShare!).toBeLessThan(1);
    }
    expect(s.losses.equal).toBe(s.losses.compared);
    expect(s.losses.compared).toBe(Math.min(s.arena.steps, s.heap.steps));
  });

  it('stops when asked', () => {
    const core = new CompareCore(3, { kind: 'neuron', points: 1 }, 100, clock, null);
    core.pair();
    core.stop();
    expect(core.pair()).toBe(false);
    expect(core.summary().running).toBe(false);
  });

  it('summarises samples: median, spread, spikes weighted by steps; nothing from no samples', () => {
    const one = (perStepUs: number) => ({ perStepUs, steps: 1 });
    const t = engineTimes([one(10), one(10), one(10), one(10), one(100)]);
    expect(t.medianUs).toBe(10);
    expect(t.maxUs).toBe(100);
    expect(t.spikeShare).toBeCloseTo(90 / 140);
    expect(t.shortestSampleUs).toBe(10);
    const batched = engineTimes([
      { perStepUs: 2, steps: 1000 },
      { perStepUs: 2, steps: 1000 },
      { perStepUs: 5, steps: 1000 },
    ]);
    expect(batched.spikeShare).toBeCloseTo(3000 / 9000);
    expect(engineTimes([]).spikeShare).toBeNull();
    expect(timerResolution(clock)).toBeGreaterThan(0);
    expect(timerResolution(coarseClock)).toBeCloseTo(0.1, 9);
  });

  it('compares losses step by step while one engine runs ahead', () => {
    const match = new LossMatch();
    match.add('arena', [1, 2, 3, 4, 5]);
    match.add('heap', [1, 2]);
    expect(match.summary()).toMatchObject({ compared: 2, equal: 2, lastArena: 2 });
    match.add('heap', [3, 4.5, 5, 6, 7]);
    match.add('arena', [6, 8]);
    const s = match.summary();
    expect(s).toMatchObject({ compared: 7, equal: 5, maxDifference: 1, lastArena: 8, lastHeap: 7 });
  });
});
