import { describe, expect, it, vi } from 'vitest';
import {
  MICROGRAD_DEMO,
  createTrainer,
  createWasmTrainer,
  evaluateGrid,
  forwardLayer,
  fusedGrid,
  gridFor,
  trainStep,
  wasmTrainStep,
  type TrainSettings,
} from '../../../src/core';

/** The op-by-op grid of a trainer's model. */
function referenceGrid(settings: TrainSettings, steps: number): Float32Array {
  const trainer = createTrainer(settings);
  for (let k = 0; k < steps; k++) trainStep(trainer);
  return evaluateGrid(trainer.scratch, trainer.mlp, gridFor(trainer.dataset));
}

describe('the fused decision boundary', () => {
  for (const activation of ['relu', 'tanh'] as const) {
    it(`equals evaluateGrid cell for cell (${activation}), through the TS and the Wasm layer forwards`, () => {
      const settings = { ...MICROGRAD_DEMO, activation, sizes: [2, 8, 6, 1] };
      const expected = referenceGrid(settings, 5);
      const ts = createTrainer(settings);
      const wasm = createWasmTrainer(settings);
      for (let k = 0; k < 5; k++) {
        trainStep(ts);
        wasmTrainStep(wasm);
      }
      const before = [ts.scratch.used, ts.scratch.tapeLength];
      const layer = vi.fn(forwardLayer);
      const tsGrid = fusedGrid(ts, layer, gridFor(ts.dataset));
      expect(layer).toHaveBeenCalledTimes(48 * 48 * 3);
      expect([ts.scratch.used, ts.scratch.tapeLength]).toEqual(before);
      expect(ts.scratch.highWater).toBeGreaterThanOrEqual(ts.pointBytes + 64);
      const wasmGrid = fusedGrid(wasm, wasm.layer, gridFor(wasm.dataset));
      expect(Array.from(tsGrid)).toEqual(Array.from(expected));
      expect(Array.from(wasmGrid)).toEqual(Array.from(expected));
      expect(new Set(expected).size).toBeGreaterThan(100); // a real boundary, not a constant
    });
  }

  it('falls back to evaluateGrid in debug mode', () => {
    const trainer = createTrainer({ ...MICROGRAD_DEMO, debug: true, points: 4 });
    trainStep(trainer);
    const layer = vi.fn(forwardLayer);
    const grid = gridFor(trainer.dataset);
    const expected = evaluateGrid(trainer.scratch, trainer.mlp, grid);
    expect(Array.from(fusedGrid(trainer, layer, grid))).toEqual(Array.from(expected));
    expect(layer).not.toHaveBeenCalled();
  });

  it('falls back to evaluateGrid, and its overflow error, when a cell does not fit', () => {
    const trainer = createTrainer({ ...MICROGRAD_DEMO, scratchBytes: 10 * 1024 });
    const layer = vi.fn(forwardLayer);
    const grid = gridFor(trainer.dataset);
    const expected = errorOf(() => evaluateGrid(trainer.scratch, trainer.mlp, grid));
    expect(errorOf(() => fusedGrid(trainer, layer, grid)).message).toBe(expected.message);
    expect(layer).not.toHaveBeenCalled();
    expect(trainer.scratch.used).toBe(0);
  });
});

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
