import { afterEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/store/appStore';
import { makeSession, type TestSession } from './makeSession';

let t: TestSession;
afterEach(() => t.session.dispose());

/** Everything the screen derives from the engine: the memory bytes and the summaries. */
function screenOf(t: TestSession): string {
  const { scenario } = t.session;
  const s = t.state();
  const { stepper, playhead } = scenario!;
  const u8 = stepper.memory.u8;
  let sum = 0;
  for (const arena of [stepper.model, stepper.scratch])
    for (let i = arena.base; i < arena.base + arena.highWater; i++)
      sum = (sum * 31 + u8[i]) % 1_000_000_007;
  return JSON.stringify({
    phase: s.phase,
    caption: s.caption,
    stats: s.stats,
    timeline: s.timeline,
    revealed: playhead.revealed,
    current: playhead.current,
    cursor: stepper.backwardCursor,
    used: [stepper.model.used, stepper.scratch.used, stepper.scratch.highWater],
    resets: stepper.scratch.resets,
    sum,
  });
}

const scenarios: AppState['scenario'][] = ['guide', 'playground', 'mlp'];

describe('stepping back', () => {
  for (const scenario of scenarios) {
    it(`${scenario}: → → ← shows what → showed, and every event is the same screen both ways`, () => {
      t = makeSession((s) => s.setScenario(scenario));
      t.session.stepNode();
      const once = screenOf(t);
      t.session.stepNode();
      expect(screenOf(t)).not.toBe(once);
      t.session.stepBack();
      expect(screenOf(t)).toBe(once);

      const last = t.state().timeline!.last;
      expect(last).toBeGreaterThan(3);
      // Every event of the small graphs; a sample of the MLP's (each place replays from the start).
      const stride = scenario === 'mlp' ? Math.ceil(last / 12) : 1;
      const events = [...Array(last + 1).keys()].filter((k) => k % stride === 0 || k === last);
      const forward: string[] = [];
      for (const k of events) {
        t.session.placeEvent(k);
        expect(t.state().timeline!.index).toBe(k);
        forward.push(screenOf(t));
      }
      for (let i = events.length - 1; i >= 0; i--) {
        t.session.placeEvent(events[i]);
        expect(screenOf(t)).toBe(forward[i]);
      }
      // Stepping forward node by node reaches the same screens as the slider.
      t.session.placeEvent(0);
      for (let k = 1, i = 1; k <= last && i < events.length; k++) {
        t.session.stepNode();
        if (k === events[i]) expect(screenOf(t)).toBe(forward[i++]);
      }
    });
  }

  it('↑ goes back one phase, and ← at a step start goes into the previous step (guide)', () => {
    t = makeSession((s) => s.setScenario('guide'));
    t.session.stepWhole();
    t.session.stepWhole();
    expect(t.state().stats.step).toBe(2);
    t.session.stepBack();
    expect(t.state().stats.step).toBe(1);
    expect(t.state().phase).toBe('update');
    t.session.phaseBack();
    expect(t.state().phase).toBe('backward');
    t.session.phaseBack();
    expect(t.state().phase).toBe('loss');
    t.session.stepWhole();
    expect(t.state().stats.step).toBe(2);
  });

  it('the MLP steps back across a step start through its run history', () => {
    t = makeSession((s) => s.setScenario('mlp'));
    t.session.stepWhole();
    t.session.stepWhole();
    const loss = t.state().stats.loss; // the loss of step #1 (the second)
    t.session.stepBack();
    expect(t.state().stats.step).toBe(1);
    expect(t.state().phase).toBe('update');
    expect(t.state().stats.loss).toBe(loss);
    t.session.stepWhole();
    t.session.stepBack();
    t.session.stepBack();
    expect(t.state().phase).toBe('backward');
    expect(t.state().stats.loss).toBe(loss);
  });
});
