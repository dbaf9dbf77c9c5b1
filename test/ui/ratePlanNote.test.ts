import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from '../../src/setup';
import { ratePlanLines, ratePlanNote } from '../../src/ui/workbench/ratePlanNote';

const plan = {
  ...DEFAULT_TRAINING,
  rateSegments: [
    { fromStep: 40, learningRate: 0.05, schedule: 'decay' as const },
    { fromStep: 70, learningRate: 0.01, schedule: 'constant' as const },
  ],
};

describe('the rate note beside the rate field', () => {
  it('says nothing for a run without changes', () => {
    expect(ratePlanNote(DEFAULT_TRAINING, 50)).toBe('');
  });

  it('says since when the rate shown rules, and the next change ahead', () => {
    expect(ratePlanNote(plan, 10)).toBe('0.05 from step 40');
    expect(ratePlanNote(plan, 40)).toBe('since step 40 · 0.01 constant from step 70');
    expect(ratePlanNote(plan, 900)).toBe('since step 70');
  });

  it('lists the whole plan for its tooltip', () => {
    expect(ratePlanLines(plan)).toEqual([
      'step 0: 1 decay',
      'step 40: 0.05 decay',
      'step 70: 0.01 constant',
    ]);
  });
});
