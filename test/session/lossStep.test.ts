import { afterEach, describe, expect, it } from 'vitest';
import { NOTEBOOK_LOSSES } from '../../src/core';
import { PRESETS } from '../../src/setup';
import { makeSession, type TestSession } from './makeSession';

let t: TestSession;
afterEach(() => t.session.dispose());

describe('the step whose loss is on screen (stats.lossStep)', () => {
  it('is the last step at rest, the step in progress once its loss is computed, none before', () => {
    t = makeSession((s) => {
      s.setScenario('mlp');
      s.setTraining(PRESETS.micrograd);
    });
    const stats = () => t.state().stats;
    expect(stats().lossStep).toBeNaN();
    t.session.stepWhole();
    expect([stats().step, stats().lossStep, stats().loss]).toEqual([1, 0, NOTEBOOK_LOSSES[0]]);
    t.session.stepPhase(); // mark: no loss yet for step 1
    expect(stats().lossStep).toBeNaN();
    t.session.stepPhase(); // forward
    t.session.stepPhase(); // loss: step 1's loss, before its update
    expect([stats().step, stats().lossStep]).toEqual([1, 1]);
    expect(Math.abs(stats().loss - NOTEBOOK_LOSSES[1]) / NOTEBOOK_LOSSES[1]).toBeLessThan(1e-12);
    t.session.stepWhole(); // the rest of step 1
    expect([stats().step, stats().lossStep]).toEqual([2, 1]);
    t.session.placeAt(1); // time travel: the history's step 0
    expect([stats().step, stats().lossStep, stats().loss]).toEqual([1, 0, NOTEBOOK_LOSSES[0]]);
  });
});
