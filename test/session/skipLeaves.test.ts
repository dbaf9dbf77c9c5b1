import { afterEach, describe, expect, it } from 'vitest';
import { parentCountAt } from '../../src/core';
import { makeSession, type TestSession } from './makeSession';

let t: TestSession;
afterEach(() => t.session.dispose());

/** The records backward stops at with →, from the start of backward to its end. */
function backwardStops(t: TestSession): number[] {
  const { session } = t;
  for (let i = 0; i < 3; i++) session.stepPhase(); // mark, forward, loss
  const stops: number[] = [];
  for (;;) {
    session.stepNode();
    const { playhead } = session.scenario!;
    if (playhead.phase !== 'backward') break;
    if (playhead.current >= 0) stops.push(playhead.current);
    if (playhead.phaseComplete) break;
  }
  return stops;
}

describe('skip leaves', () => {
  it('→ in backward passes over records with nothing to pass on, and ends on the same gradients', () => {
    t = makeSession((s) => s.setScenario('guide'));
    const all = backwardStops(t);
    const memory = t.session.scenario!.stepper.memory;
    const grads = () => Array.from(memory.f64.subarray(0, 4096));
    const full = grads();
    t.session.reset();
    t.state().setSkipLeaves(true);
    const skipping = backwardStops(t);
    expect(grads()).toEqual(full);
    const leaves = all.filter((a) => parentCountAt(memory, a) === 0);
    expect(leaves.length).toBeGreaterThan(3);
    // Every stop but the sweep's very last record has parents; nothing else was dropped.
    expect(skipping.slice(0, -1).every((a) => parentCountAt(memory, a) > 0)).toBe(true);
    expect(skipping.length).toBeLessThan(all.length);
    expect(skipping.filter((a) => parentCountAt(memory, a) > 0)).toEqual(
      all.filter((a) => parentCountAt(memory, a) > 0),
    );
  });
});
