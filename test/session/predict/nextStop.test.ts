/**
 * `nextStop` tells, without stepping, what the next node step will reveal: held against the
 * playhead's own events, node by node, over two whole steps of the playground and the guide.
 */
import { describe, expect, it } from 'vitest';
import { buildPlaygroundScenario, buildTrainerScenario } from '../../../src/session/buildScenario';
import type { Scenario } from '../../../src/session/buildScenario';
import { nextStop } from '../../../src/session/predict/nextStop';

const PROGRAM = 'a = 2\nb = -3\nc = 10\nf = -2\nL = (a*b + c)*f';

function holds(scenario: Scenario, events: number): Record<string, number> {
  const seen: Record<string, number> = {};
  for (let n = 0; n < events; n++) {
    const stop = nextStop(scenario);
    const event = scenario.playhead.stepNode();
    const kind = stop?.kind ?? 'none';
    seen[kind] = (seen[kind] ?? 0) + 1;
    if (stop?.kind === 'backward')
      expect(event).toMatchObject({ kind: 'visit', tapeIndex: stop.tapeIndex });
    else if (stop?.kind === 'forward')
      expect(event).toMatchObject({ kind: 'reveal', to: stop.tapeIndex + 1 });
    else if (stop) expect(event.kind).toBe(stop.kind);
    else expect(['phase', 'reveal'].includes(event.kind) && event.kind !== 'visit').toBe(true);
  }
  return seen;
}

describe('nextStop', () => {
  it('foretells every reveal of the playground’s steps', () => {
    const seen = holds(buildPlaygroundScenario(PROGRAM, {}), 40);
    // per step: the reset, 7 records shown, 7 visited
    expect(seen.reset).toBeGreaterThanOrEqual(2);
    expect(seen.forward).toBeGreaterThanOrEqual(14);
    expect(seen.backward).toBeGreaterThanOrEqual(14);
  });

  it('foretells every reveal of the guide’s steps, the update included', () => {
    const seen = holds(buildTrainerScenario('guide', {}, 0, []), 120);
    expect(seen.update).toBeGreaterThanOrEqual(2);
    expect(seen.reset).toBeGreaterThanOrEqual(2);
    expect(seen.backward).toBeGreaterThan(10);
  });

  it('passes over leaves as the playhead does when it skips them', () => {
    const scenario = buildPlaygroundScenario(PROGRAM, {});
    scenario.playhead.skipsLeaves = true;
    holds(scenario, 30);
  });
});
