import { describe, expect, it } from 'vitest';
import {
  MICROGRAD_DEMO,
  createTrainer,
  learningRateAt,
  trainStep,
  type TrainSettings,
} from '../../../src/core';

const constant: TrainSettings = { ...MICROGRAD_DEMO, schedule: 'constant', learningRate: 1 };

describe('learningRateAt', () => {
  it('without rate segments: micrograd’s decay, or the constant rate', () => {
    expect(learningRateAt(MICROGRAD_DEMO, 0)).toBe(1);
    expect(learningRateAt(MICROGRAD_DEMO, 50)).toBe(1 - (0.9 * 50) / 100);
    expect(learningRateAt(MICROGRAD_DEMO, 500)).toBe(learningRateAt(MICROGRAD_DEMO, 100));
    expect(learningRateAt(constant, 77)).toBe(1);
  });

  it('each segment rules from its step until the next one', () => {
    const settings: TrainSettings = {
      ...constant,
      rateSegments: [
        { fromStep: 40, learningRate: 0.05, schedule: 'constant' },
        { fromStep: 70, learningRate: 0.01, schedule: 'constant' },
      ],
    };
    const rates = [0, 39, 40, 41, 69, 70, 10_000].map((k) => learningRateAt(settings, k));
    expect(rates).toEqual([1, 1, 0.05, 0.05, 0.05, 0.01, 0.01]);
  });

  it('a decaying segment keeps counting its schedule from step 0', () => {
    const settings: TrainSettings = {
      ...constant,
      rateSegments: [{ fromStep: 40, learningRate: 0.5, schedule: 'decay' }],
    };
    expect(learningRateAt(settings, 39)).toBe(1);
    expect(learningRateAt(settings, 40)).toBe(0.5 * (1 - (0.9 * 40) / 100));
    expect(learningRateAt(settings, 60)).toBe(0.5 * (1 - (0.9 * 60) / 100));
  });

  it('a step is trained at the rate in force: a change at step 2 changes step 2, not step 1', () => {
    const changed: TrainSettings = {
      ...constant,
      rateSegments: [{ fromStep: 2, learningRate: 0.1, schedule: 'constant' }],
    };
    const plain = createTrainer(constant);
    const segmented = createTrainer(changed);
    expect(trainStep(segmented).learningRate).toBe(1);
    expect(trainStep(segmented).learningRate).toBe(1);
    expect(trainStep(segmented).learningRate).toBe(0.1);
    trainStep(plain);
    trainStep(plain);
    expect(trainStep(plain).loss).toBe(segmented.report.loss); // steps 0, 1 were the same
    expect(trainStep(plain).loss).not.toBe(trainStep(segmented).loss); // step 2 was not
  });
});
