import { describe, expect, it } from 'vitest';
import { MICROGRAD_NOTEBOOK } from '../../src/core';
import {
  DEFAULT_TRAINING,
  NOTEBOOK_STEPS,
  PRESETS,
  editSetup,
  notebookLine,
  presetBaseOf,
  presetOf,
  settingsOf,
  setupProblem,
  storedDataProblem,
  withStoredData,
} from '../../src/setup';

describe('presets', () => {
  it("micrograd's preset is the core's notebook run, and trainable", () => {
    expect(settingsOf(PRESETS.micrograd)).toEqual(MICROGRAD_NOTEBOOK);
    expect(setupProblem(PRESETS.micrograd)).toBeNull();
    expect(presetOf(PRESETS.micrograd)).toBe('micrograd');
    expect(presetOf(DEFAULT_TRAINING)).toBeNull();
  });

  it('any change leaves the preset’s run; its data and weights keep it the base', () => {
    const faster = editSetup(PRESETS.micrograd, 10, { learningRate: 0.5 });
    expect(presetOf(faster)).toBeNull();
    expect(presetBaseOf(faster)).toBe('micrograd');
    const otherData = editSetup(PRESETS.micrograd, 0, { dataset: 'moons' });
    expect(presetBaseOf(otherData)).toBeNull();
    expect(otherData).toMatchObject({ points: 100, noise: 0.1, weightInit: 'micrograd' });
  });

  it("micrograd's moons keep their own 100 points and noise", () => {
    const asked = { ...DEFAULT_TRAINING, dataset: 'micrograd-moons' as const, points: 40 };
    expect(storedDataProblem(asked)).toMatch(/micrograd-moons is 100 stored points/);
    expect(setupProblem(asked)).toMatch(/micrograd-moons is 100 stored points/);
    expect(withStoredData(asked)).toEqual({ ...asked, points: 100, noise: 0.1 });
    expect(withStoredData(DEFAULT_TRAINING)).toBe(DEFAULT_TRAINING);
    const chosen = editSetup({ ...DEFAULT_TRAINING, points: 300, noise: 0.2 }, 0, {
      dataset: 'micrograd-moons',
    });
    expect([chosen.points, chosen.noise]).toEqual([100, 0.1]);
  });

  it("gives the notebook's printed line of steps 0–99 and nothing else", () => {
    expect(NOTEBOOK_STEPS).toBe(100);
    expect(notebookLine(0)).toEqual({ step: 0, loss: 0.8958441028683222, accuracyPercent: 50 });
    expect(notebookLine(99)).toEqual({
      step: 99,
      loss: 0.010978370135492717,
      accuracyPercent: 100,
    });
    for (const k of [-1, 100, 2.5, NaN]) expect(notebookLine(k)).toBeNull();
  });
});
