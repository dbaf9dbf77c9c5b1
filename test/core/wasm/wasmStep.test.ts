import { describe, expect, it } from 'vitest';
import {
  ArenaOverflowError,
  DivergenceError,
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  createTrainer,
  createWasmTrainer,
  trainStep,
  wasmTrainStep,
  type Trainer,
  type TrainSettings,
} from '../../../src/core';
import { createRandom } from '../../../src/core/random';

/** The whole address space of a trainer's memory, as bytes (records, weights, gradients). */
function bytesOf(trainer: Trainer): Buffer {
  return Buffer.from(trainer.memory.buffer, 0, trainer.memory.size);
}

/**
 * Runs `steps` steps on both engines; expects equal reports and equal bytes after each (or the
 * same error, which ends the run).
 */
function expectIdentical(settings: TrainSettings, steps: number): void {
  const ts = createTrainer(settings);
  const wasm = createWasmTrainer(settings);
  expect(bytesOf(wasm).equals(bytesOf(ts))).toBe(true);
  for (let k = 0; k < steps; k++) {
    const tsError = maybeError(() => trainStep(ts));
    const wasmError = maybeError(() => wasmTrainStep(wasm));
    expect(wasmError?.message).toBe(tsError?.message);
    expect(bytesOf(wasm).equals(bytesOf(ts))).toBe(true);
    if (tsError) return;
    const expected = { ...ts.report };
    const actual = { ...wasm.report };
    expect(actual).toEqual(expected);
    expect(Object.is(actual.loss, expected.loss)).toBe(true);
    // Every byte: the scratch records the step left behind (values, gradients, links) and the
    // model's weights and gradients.
    const same = bytesOf(wasm).equals(bytesOf(ts));
    if (!same) expect.fail(`step ${k}: the memories differ`);
  }
}

describe('the Wasm engine', () => {
  it('runs in a Wasm-backed memory, with the model and scratch arenas where the TS engine has them', () => {
    const ts = createTrainer(MICROGRAD_DEMO);
    const wasm = createWasmTrainer(MICROGRAD_DEMO);
    expect(wasm.memory.wasmMemory?.buffer).toBe(wasm.memory.buffer);
    expect(wasm.memory.size).toBe(ts.memory.size);
    expect(wasm.plan).not.toBeNull();
    expect([wasm.model.base, wasm.scratch.base]).toEqual([ts.model.base, ts.scratch.base]);
    // The kernel ran (not the TS fallback): it writes no tape entry for its forward records,
    // where the first point's records follow the 200 input leaves.
    trainStep(ts);
    wasmTrainStep(wasm);
    expect(ts.scratch.tape[200]).toBe(ts.scratch.base + 200 * 32);
    expect(wasm.scratch.tape[200]).toBe(0);
  });

  it("equals the TS engine bit for bit over 100 steps of micrograd's demo", () => {
    expectIdentical(MICROGRAD_DEMO, 100);
  });

  it("equals the TS engine on the guide's example (3 inputs, one relu neuron, squared error)", () => {
    expectIdentical(GUIDE_EXAMPLE, 50);
  });

  it('equals the TS engine on random models, activations, losses and datasets', () => {
    const random = createRandom(13);
    const datasets = ['moons', 'circles', 'xor', 'spiral'] as const;
    const activations = ['relu', 'tanh', 'linear'] as const;
    for (let trial = 0; trial < 12; trial++) {
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.next() * xs.length)];
      const hidden = Array.from({ length: 1 + Math.floor(random.next() * 3) }, () =>
        Math.max(1, Math.floor(random.next() * 9)),
      );
      const settings: TrainSettings = {
        ...MICROGRAD_DEMO,
        dataset: pick(datasets),
        points: 5 + Math.floor(random.next() * 30),
        seed: trial,
        sizes: [2, ...hidden, 1],
        activation: pick(activations),
        outputActivation: pick(activations),
        loss: pick(['hinge', 'mse'] as const),
        l2: pick([0, 1e-4, 0.01]),
        biasInit: pick(['zero', 'uniform'] as const),
        learningRate: pick([0.01, 0.1, 0.5]),
      };
      expectIdentical(settings, 8);
    }
  });

  it('overflows with the arena error the TS engine throws, the model untouched', () => {
    for (const scratchBytes of [3200, 40_000, 2_000_000]) {
      const settings = { ...MICROGRAD_DEMO, scratchBytes };
      const ts = createTrainer(settings);
      const wasm = createWasmTrainer(settings);
      const before = Buffer.from(bytesOf(wasm).subarray(wasm.model.base, wasm.scratch.base));
      const expected = errorOf(() => trainStep(ts));
      const actual = errorOf(() => wasmTrainStep(wasm));
      expect(actual).toBeInstanceOf(ArenaOverflowError);
      expect(actual.message).toBe(expected.message);
      expect(bytesOf(wasm).subarray(wasm.model.base, wasm.scratch.base).equals(before)).toBe(true);
      expect(wasm.scratch.used).toBe(0);
    }
  });

  it('diverges with the TS engine’s error, naming the same node', () => {
    const settings = { ...MICROGRAD_DEMO, learningRate: 100 };
    const ts = createTrainer(settings);
    const wasm = createWasmTrainer(settings);
    let expected: Error | null = null;
    for (let k = 0; k < 20 && expected === null; k++) {
      expected = maybeError(() => trainStep(ts));
      const actual = maybeError(() => wasmTrainStep(wasm));
      expect(actual?.message).toBe(expected?.message);
    }
    expect(expected).toBeInstanceOf(DivergenceError);
    expect((expected as DivergenceError).tapeIndex).toBeGreaterThanOrEqual(0);
  });

  it('runs the TS step in debug mode, with the same numbers', () => {
    expectIdentical({ ...MICROGRAD_DEMO, debug: true, points: 20 }, 3);
  });
});

function maybeError(run: () => unknown): Error | null {
  try {
    run();
    return null;
  } catch (error) {
    return error as Error;
  }
}

function errorOf(run: () => unknown): Error {
  const error = maybeError(run);
  if (error === null) throw new Error('expected an error');
  return error;
}
