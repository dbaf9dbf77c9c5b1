import { describe, expect, it } from 'vitest';
import { createHeapTrainer, heapTrainStep } from '../../../src/core/baseline';
import {
  DivergenceError,
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  createTrainer,
  getValue,
  handleAt,
  trainStep,
  type TrainSettings,
} from '../../../src/core';

/** Runs both engines side by side and checks every step's report. */
function expectSameRun(settings: TrainSettings, steps: number): void {
  const arena = createTrainer(settings);
  const heap = createHeapTrainer(settings);
  for (let k = 0; k < steps; k++) {
    const a = { ...trainStep(arena) };
    const h = { ...heapTrainStep(heap) };
    expect(h.step).toBe(a.step);
    expect(Math.abs(h.loss - a.loss)).toBeLessThanOrEqual(1e-9 * Math.abs(a.loss));
    expect(h.accuracy).toBe(a.accuracy);
    expect(h.nodes).toBe(a.nodes);
    expect(h.learningRate).toBe(a.learningRate);
  }
}

describe('heap engine training', () => {
  it("starts from the arena engine's weights", () => {
    const arena = createTrainer(MICROGRAD_DEMO);
    const heap = createHeapTrainer(MICROGRAD_DEMO);
    const weights = Array.from(arena.mlp.parameters, (address) =>
      getValue(arena.model, handleAt(arena.memory, address)),
    );
    expect(heap.parameters.map((p) => p.data)).toEqual(weights);
    expect(weights).toHaveLength(337);
  });

  it('matches the arena engine at every step of the micrograd demo (30 steps)', () => {
    expectSameRun(MICROGRAD_DEMO, 30);
  });

  it('makes 65,481 nodes in the demo step', () => {
    const report = heapTrainStep(createHeapTrainer(MICROGRAD_DEMO));
    expect(report.nodes).toBe(65_481);
    expect(report.scratchBytes).toBe(0);
    expect(report.modelBytes).toBe(0);
  });

  it('matches the arena engine with mse, tanh units and uniform biases', () => {
    expectSameRun(
      {
        ...MICROGRAD_DEMO,
        dataset: 'circles',
        points: 40,
        sizes: [2, 8, 1],
        activation: 'tanh',
        biasInit: 'uniform',
        loss: 'mse',
        learningRate: 0.1,
        schedule: 'constant',
      },
      10,
    );
  });

  it("matches the arena engine on the guide's example", () => {
    expectSameRun(GUIDE_EXAMPLE, 5);
  });

  it('throws DivergenceError and leaves the weights as they were', () => {
    const heap = createHeapTrainer({ ...MICROGRAD_DEMO, learningRate: 1e200 });
    heapTrainStep(heap);
    const before = heap.parameters.map((p) => p.data);
    expect(() => {
      for (let k = 0; k < 5; k++) heapTrainStep(heap);
    }).toThrow(DivergenceError);
    expect(heap.parameters.map((p) => p.data)).toEqual(before);
  });

  it('rejects a model that does not fit the dataset', () => {
    expect(() => createHeapTrainer({ ...MICROGRAD_DEMO, sizes: [3, 4, 1] })).toThrow(/2 features/);
    expect(() => createHeapTrainer({ ...MICROGRAD_DEMO, sizes: [2, 4, 2] })).toThrow(/one output/);
  });
});
