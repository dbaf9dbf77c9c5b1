import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAINING,
  TRAINING_LIMITS,
  changeRate,
  editSetup,
  firstRateDifference,
  rateInForce,
  setupProblem,
  type TrainingConfig,
} from '../../src/setup';

const base: TrainingConfig = { ...DEFAULT_TRAINING, learningRate: 1, schedule: 'decay' };
const at = (fromStep: number, learningRate: number, schedule: 'decay' | 'constant' = 'decay') => ({
  fromStep,
  learningRate,
  schedule,
});

describe('the learning-rate plan', () => {
  it('a rate change mid-run adds a segment at that step; at step 0 it changes the base', () => {
    expect(changeRate(base, 40, { learningRate: 0.1 }).rateSegments).toEqual([at(40, 0.1)]);
    const first = changeRate(base, 0, { learningRate: 0.1 });
    expect(first).toMatchObject({ learningRate: 0.1, rateSegments: [] });
  });

  it('two changes at one step merge; a change back to the rate before leaves no segment', () => {
    const lr = changeRate(base, 40, { learningRate: 0.1 });
    const both = changeRate(lr, 40, { schedule: 'constant' });
    expect(both.rateSegments).toEqual([at(40, 0.1, 'constant')]);
    const back = changeRate(both, 40, { learningRate: 1, schedule: 'decay' });
    expect(back.rateSegments).toEqual([]);
  });

  it('a change at an earlier step drops the later ones (they were a future now rewritten)', () => {
    const plan = changeRate(changeRate(base, 40, { learningRate: 0.1 }), 70, {
      learningRate: 0.01,
    });
    expect(plan.rateSegments).toEqual([at(40, 0.1), at(70, 0.01)]);
    expect(changeRate(plan, 50, { learningRate: 0.5 }).rateSegments).toEqual([
      at(40, 0.1),
      at(50, 0.5),
    ]);
    expect(changeRate(plan, 20, { learningRate: 0.5 }).rateSegments).toEqual([at(20, 0.5)]);
  });

  it('the rate in force, and the first step where two plans differ', () => {
    const plan = { ...base, rateSegments: [at(40, 0.1), at(70, 0.01)] };
    expect(rateInForce(plan, 39)).toEqual(at(0, 1));
    expect(rateInForce(plan, 40)).toEqual(at(40, 0.1));
    expect(rateInForce(plan, 1000)).toEqual(at(70, 0.01));
    expect(firstRateDifference(plan, plan)).toBe(Infinity);
    expect(firstRateDifference(base, plan)).toBe(40);
    expect(firstRateDifference(plan, { ...plan, rateSegments: [at(40, 0.1)] })).toBe(70);
    expect(firstRateDifference(plan, { ...plan, learningRate: 2 })).toBe(0);
  });

  it('editing the setup: a rate goes on from the step, a new model starts over at the rate shown', () => {
    const plan = { ...base, rateSegments: [at(40, 0.1)] };
    expect(editSetup(plan, 60, { learningRate: 0.2 }).rateSegments).toEqual([
      at(40, 0.1),
      at(60, 0.2),
    ]);
    expect(editSetup(plan, 60, { seed: 3 })).toMatchObject({
      seed: 3,
      learningRate: 0.1,
      schedule: 'decay',
      rateSegments: [],
    });
    expect(editSetup(plan, 60, { seed: plan.seed })).toEqual(plan); // no change at all
  });

  it('refuses plans that are not one: order, count, rates', () => {
    const { rateChanges } = TRAINING_LIMITS;
    const problem = (rateSegments: TrainingConfig['rateSegments']) =>
      setupProblem({ ...base, rateSegments });
    expect(problem([at(40, 0.1), at(70, 0.01)])).toBeNull();
    expect(problem([at(70, 0.1), at(40, 0.01)])).toMatch(/increasing steps/);
    expect(problem([at(40, 0.1), at(40, 0.01)])).toMatch(/increasing steps/);
    expect(problem([at(0, 0.1)])).toMatch(/increasing steps from 1/);
    expect(problem([at(40, NaN)])).toMatch(/every learning rate must be from/);
    expect(problem([at(40, 1e9)])).toMatch(/every learning rate must be from/);
    const many = Array.from({ length: rateChanges.max + 1 }, (_, k) => at(k + 1, 0.1));
    expect(problem(many)).toBe(`at most ${rateChanges.max} learning-rate changes in a run`);
  });
});
