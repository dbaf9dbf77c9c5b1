/**
 * The playground opens evaluated, at rest: its slider at the end of that first evaluation, the
 * phase, the caption and the chain-rule panel all saying the sweep is done; the slider's start is
 * the program before it ran. A program edit that builds opens the same way; one that does not
 * keeps the graph and the program it was built from (the code pane's text).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSession, type TestSession } from './makeSession';

let t: TestSession;
afterEach(() => {
  t.session.dispose();
  vi.useRealTimers();
});

/** What the screen says about where the step stands. */
function moment(t: TestSession) {
  const s = t.state();
  const { playhead } = t.session.scenario!;
  return {
    phase: s.phase,
    index: s.timeline?.index,
    last: s.timeline?.last,
    caption: s.caption,
    current: playhead.current,
  };
}

describe('the playground opening', () => {
  it('stands at the end of its first evaluation, at rest, and scrubs back to before it ran', () => {
    t = makeSession((s) => s.setScenario('playground'));
    const opening = moment(t);
    expect(opening.phase).toBe('backward');
    expect(opening.index).toBe(opening.last); // the end of the step, not its start
    expect(opening.current).toBe(-1); // no node marked: the sweep is done
    expect(opening.caption).toMatch(/^The program is evaluated and differentiated/);
    const scratch = t.session.scenario!.stepper.scratch;
    expect(scratch.used).toBeGreaterThan(0);

    t.session.placeEvent(0); // before the program ran
    expect(moment(t)).toMatchObject({ phase: 'ready', index: 0 });
    expect(t.state().caption).toMatch(/^The program has not run yet/);
    expect(scratch.used).toBe(0);

    t.session.stepBack(); // nothing before the opening: stays
    t.session.placeEvent(opening.last!);
    expect(moment(t)).toEqual(opening);
    // The event before the rest is the last node's visit (the same phase, a node marked).
    t.session.stepBack();
    expect(moment(t)).toMatchObject({ phase: 'backward', index: opening.last! - 1 });
    expect(t.session.scenario!.playhead.current).toBeGreaterThan(0);
    t.session.stepNode();
    expect(moment(t)).toEqual(opening);
  });

  it('an edit that builds opens at rest the same way; one with an error keeps the built program', () => {
    vi.useFakeTimers();
    t = makeSession((s) => s.setScenario('playground'));
    t.state().setProgram('a = 3\nb = a * a\nout = b - a');
    vi.advanceTimersByTime(1000);
    const built = moment(t);
    expect(built.phase).toBe('backward');
    expect(built.index).toBe(built.last);
    expect(t.state().builtProgram).toBe('a = 3\nb = a * a\nout = b - a');

    t.state().setProgram('a = 3\nb = a *\nout = b - a');
    vi.advanceTimersByTime(1000);
    expect(t.state().expressionError?.line).toBe(2);
    expect(t.state().builtProgram).toBe('a = 3\nb = a * a\nout = b - a'); // the graph's program
    expect(moment(t)).toEqual(built);
  });
});
