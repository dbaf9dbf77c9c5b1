import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpressionError, parseProgram } from '../../src/core';
import type { Session } from '../../src/session/Session';
import type { AppState } from '../../src/store/appStore';
import { makeSession } from './makeSession';

// Each test has its own store and session: no page state is shared.
let session: Session;
let useAppStore: { getState(): AppState };

beforeEach(() => {
  ({ session, store: useAppStore } = makeSession());
});
afterEach(() => {
  session.dispose();
  vi.useRealTimers();
});

describe('session (no renderer attached)', () => {
  it('puts the guide on screen and tells the memory views at every change', () => {
    const live = session.screen!;
    expect(live.memory).toBe(session.scenario!.stepper.memory);
    const version = useAppStore.getState().memoryVersion;
    session.stepPhase(); // mark
    session.stepPhase(); // forward
    expect(useAppStore.getState().memoryVersion).toBeGreaterThan(version);
    const step = session.scenario!.stepper.phasedStep;
    expect(step).not.toBeNull();
    expect(live.step).toBe(step);
    expect(live.revealed).toBe(step!.forwardEnd);
    session.stepNode(); // first loss record
    expect(useAppStore.getState().phase).toBe('loss');
    expect(live.revealed).toBe(step!.forwardEnd + 1);
    session.stepWhole();
    expect(live.step).toBeNull();
    expect(live.revealed).toBe(live.scratch.tapeLength);
    expect(useAppStore.getState().stats.step).toBe(1);
  });

  it('shows an overflow, keeps the model, and works again once the arena is enlarged', () => {
    useAppStore.getState().setArenaOptions({ scratchBytes: 256 });
    expect(useAppStore.getState().error).toMatch(/scratch arena overflow/);
    session.stepWhole();
    expect(useAppStore.getState().error).toMatch(/scratch arena overflow/);
    expect(useAppStore.getState().phase).toBe('ready');
    useAppStore.getState().setArenaOptions({});
    expect(useAppStore.getState().error).toBeNull();
    session.stepWhole();
    expect(useAppStore.getState().stats.step).toBe(1);
  });

  it('keeps the last good program when a new one is malformed, with its line and column', () => {
    vi.useFakeTimers();
    useAppStore.getState().setScenario('playground');
    useAppStore.getState().setProgram('a = 2\nb = a*a');
    vi.runAllTimers();
    const good = session.scenario!.spec;
    expect(good.nodes.length).toBe(2);
    const bad = 'a = 2\nb = a*(a';
    useAppStore.getState().setProgram(bad);
    vi.runAllTimers();
    let expected: ExpressionError | undefined;
    try {
      parseProgram(bad);
    } catch (error) {
      expected = error as ExpressionError;
    }
    expect(useAppStore.getState().expressionError).toEqual({
      message: expected!.reason,
      line: expected!.line,
      column: expected!.column,
    });
    expect(session.scenario!.spec).toBe(good);
  });

  it('publishes the playground’s backward sweep for the memory view', () => {
    vi.useFakeTimers();
    useAppStore.getState().setScenario('playground');
    useAppStore.getState().setProgram('a = 2\nb = a*a\nc = b + a');
    vi.runAllTimers();
    const live = session.screen!;
    const stepper = session.scenario!.stepper;
    // At rest the program has been differentiated: the sweep is done.
    expect(live.step).toMatchObject({ phase: 'backward', tapeStart: stepper.tapeStart });
    expect(live.step!.backwardCursor).toBeLessThan(live.step!.tapeStart);
    session.stepPhase(); // reset
    expect(live.step).toBeNull();
    session.stepPhase(); // mark
    session.stepPhase(); // forward
    session.stepNode(); // the first node of the sweep: the output
    expect(live.step).toMatchObject({ phase: 'backward', lossEnd: stepper.lossEnd });
    expect(live.step!.backwardCursor).toBe(stepper.lossEnd - 2);
  });
});
