import { describe, expect, it } from 'vitest';
import { beginStep, createTrainer, runForward } from '../../src/core';
import { DEFAULT_TRAINING, settingsOf, type TrainingConfig } from '../../src/setup';
import {
  TRAINING_LIMITS,
  clampPoints,
  maxPoints,
  parameterCount,
  recordsPerStep,
  scratchBytesFor,
  setupProblem,
} from '../../src/setup';

const SETUPS: TrainingConfig[] = [
  DEFAULT_TRAINING,
  { ...DEFAULT_TRAINING, loss: 'mse', hidden: [3], activation: 'linear', points: 37 },
  { ...DEFAULT_TRAINING, dataset: 'spiral', hidden: [8, 4, 5], activation: 'tanh' },
  { ...DEFAULT_TRAINING, hidden: [] },
];

describe('setup limits', () => {
  it('predicts the records and parameters of a step exactly', () => {
    for (const config of SETUPS) {
      const trainer = createTrainer({
        ...settingsOf(config),
        scratchBytes: scratchBytesFor(config),
      });
      const step = beginStep(trainer);
      runForward(step);
      expect(recordsPerStep(config)).toBe(step.lossEnd - step.tapeStart);
      expect(parameterCount(config)).toBe(trainer.mlp.parameters.length);
    }
  });

  it('refuses impossible setups with a reason', () => {
    expect(setupProblem(DEFAULT_TRAINING)).toBeNull();
    expect(setupProblem({ ...DEFAULT_TRAINING, points: 100_000 })).toContain('from 4 to 1000');
    expect(setupProblem({ ...DEFAULT_TRAINING, hidden: [16, 0] })).toContain('1 to 32 neurons');
    expect(setupProblem({ ...DEFAULT_TRAINING, learningRate: NaN })).toContain('learning rate');
    expect(setupProblem({ ...DEFAULT_TRAINING, points: 1000, hidden: [32, 32] })).toContain(
      'fewer points or neurons',
    );
  });

  it('clamps a number of points to what the model can train, with a short note', () => {
    const { min, max } = TRAINING_LIMITS.points;
    expect(maxPoints(DEFAULT_TRAINING)).toBe(max);
    expect(clampPoints(DEFAULT_TRAINING, 5000)).toEqual({
      points: max,
      note: `the most is ${max.toLocaleString('en-US')}, so ${max.toLocaleString('en-US')} are used`,
    });
    expect(clampPoints(DEFAULT_TRAINING, 250)).toEqual({ points: 250, note: null });
    expect(clampPoints(DEFAULT_TRAINING, 1)).toEqual({
      points: min,
      note: `the fewest is ${min}, so ${min} are used`,
    });
    // A big model: the largest count whose step fits the scratch arena, and no more.
    const big = { ...DEFAULT_TRAINING, hidden: [32, 32] };
    const most = maxPoints(big);
    expect(most).toBeLessThan(max);
    expect(setupProblem({ ...big, points: most })).toBeNull();
    expect(setupProblem({ ...big, points: most + 1 })).toContain('fewer points or neurons');
    expect(clampPoints(big, 5000).note).toBe(
      `the most for this model is ${most}, so ${most} are used`,
    );
  });
});
