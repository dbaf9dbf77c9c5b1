import { describe, expect, it } from 'vitest';
import {
  CompareCore,
  engineTimes,
  timerResolution,
} from '../../../src/session/compare/compareCore';

const clock = () => performance.now();

describe('the before-vs-after core', () => {
  it('steps both engines in turn with equal losses, and counts what the heap engine made', () => {
    const core = new CompareCore(1, { kind: 'demo', points: 10 }, 6, clock, null);
    while (core.pair());
    const s = core.summary();
    expect(s.steps).toBe(6);
    expect(s.running).toBe(false);
    expect(s.error).toBeNull();
    expect(s.equalSteps).toBe(6);
    expect(s.arenaLosses).toEqual(s.heapLosses);
    expect(s.heapAllocations.values).toBe(s.nodes);
    expect(s.arenaBytes).toBe(32 * s.nodes);
    expect(s.arena.recentUs).toHaveLength(4); // two warm-up pairs are not timed
    expect(s.checkpointEndNs).toBeGreaterThan(0);
  });

  it("runs the guide's neuron, and stops when asked", () => {
    const core = new CompareCore(2, { kind: 'neuron', points: 1 }, 100, clock, null);
    core.pair();
    core.stop();
    expect(core.pair()).toBe(false);
    const s = core.summary();
    expect(s.steps).toBe(1);
    expect(s.nodes).toBe(18);
    expect(s.arenaLosses).toEqual(s.heapLosses);
  });

  it('summarises times: median, spread, spikes', () => {
    const t = engineTimes([10, 10, 10, 10, 100]);
    expect(t.medianUs).toBe(10);
    expect(t.maxUs).toBe(100);
    expect(t.spikeShare).toBeCloseTo(90 / 140);
    expect(timerResolution(clock)).toBeGreaterThan(0);
  });
});
