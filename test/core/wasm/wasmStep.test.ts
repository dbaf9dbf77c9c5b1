import { describe, expect, it, vi } from 'vitest';
import {
  ArenaOverflowError,
  DivergenceError,
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  OP_BY_OP_ENGINE,
  createTrainer,
  createValue,
  createWasmTrainer,
  mul,
  setGrad,
  runStep,
  trainStep,
  wasmTrainStep,
  type Trainer,
  type TrainSettings,
  type WasmTrainer,
} from '../../../src/core';
import { createRandom } from '../../../src/core/random';

/** The whole address space of a trainer's memory, as bytes (records, weights, gradients). */
function bytesOf(trainer: Trainer): Buffer {
  return Buffer.from(trainer.memory.buffer, 0, trainer.memory.size);
}

/**
 * Runs `steps` steps on the three engines (op by op, the reference; the lean TypeScript step;
 * the Wasm kernel); expects equal reports and equal bytes after each (or the same error, which
 * ends the run).
 */
function expectIdentical(
  settings: TrainSettings,
  steps: number,
  prefill: (trainer: Trainer) => void = () => {},
): void {
  const reference = createTrainer(settings);
  const ts = createTrainer(settings);
  const wasm = createWasmTrainer(settings);
  for (const trainer of [reference, ts, wasm]) prefill(trainer);
  expect(bytesOf(wasm).equals(bytesOf(reference))).toBe(true);
  for (let k = 0; k < steps; k++) {
    const expectedError = maybeError(() => runStep(reference, OP_BY_OP_ENGINE));
    for (const [name, trainer, step] of [
      ['ts', ts, () => trainStep(ts)],
      ['wasm', wasm, () => wasmTrainStep(wasm)],
    ] as const) {
      expect(maybeError(step)?.message, name).toBe(expectedError?.message);
      // Every byte: the scratch records the step left behind (values, gradients, links) and
      // the model's weights and gradients.
      if (!bytesOf(trainer).equals(bytesOf(reference))) {
        expect.fail(`step ${k}: the ${name} engine's memory differs from the reference's`);
      }
      if (expectedError) continue;
      expect({ ...trainer.report }, name).toEqual({ ...reference.report });
      expect(Object.is(trainer.report.loss, reference.report.loss)).toBe(true);
    }
    if (expectedError) return;
  }
}

/** Replaces the Wasm trainer's layer forward with a spy that calls it. */
function spyOnLayer(wasm: WasmTrainer) {
  const layer = vi.fn(wasm.layer);
  Object.defineProperty(wasm, 'layer', { value: layer });
  return layer;
}

describe('the Wasm engine', () => {
  it('runs in a Wasm-backed memory, with the model and scratch arenas where the TS engine has them', () => {
    const ts = createTrainer(MICROGRAD_DEMO);
    const wasm = createWasmTrainer(MICROGRAD_DEMO);
    expect(wasm.memory.wasmMemory?.buffer).toBe(wasm.memory.buffer);
    expect(wasm.memory.size).toBe(ts.memory.size);
    expect(wasm.plan).not.toBeNull();
    expect([wasm.model.base, wasm.scratch.base]).toEqual([ts.model.base, ts.scratch.base]);
    // The kernel ran (not the TS fallback): its layer forward was called, once per layer of
    // each point, and no tape entry was written for its records, where the first point's
    // records follow the 200 input leaves (the op-by-op engine writes them).
    const layer = spyOnLayer(wasm);
    runStep(ts, OP_BY_OP_ENGINE);
    wasmTrainStep(wasm);
    expect(layer).toHaveBeenCalledTimes(MICROGRAD_DEMO.points * 3);
    expect(ts.scratch.tape[200]).toBe(ts.scratch.base + 200 * 32);
    expect(wasm.scratch.tape[200]).toBe(0);
  });

  it('falls back to the op-by-op step in debug mode (the kernel checks no handle)', () => {
    const wasm = createWasmTrainer({ ...MICROGRAD_DEMO, debug: true, points: 4 });
    const layer = spyOnLayer(wasm);
    wasmTrainStep(wasm);
    expect(layer).not.toHaveBeenCalled();
    expect(wasm.scratch.tape[8]).toBe(wasm.scratch.base + 8 * 32);
  });

  it("equals the op-by-op and the lean TS engines bit for bit over 100 steps of micrograd's demo", () => {
    expectIdentical(MICROGRAD_DEMO, 100);
  });

  it("equals the TS engine on the guide's example (3 inputs, one relu neuron, squared error)", () => {
    expectIdentical(GUIDE_EXAMPLE, 50);
  });

  it('sweeps records left in the scratch arena below the step as the op-by-op engine does', () => {
    // A product with a gradient of 1 under the step's records: every backward sweeps down to
    // the arena's base, so each step adds its rule into the two leaves' gradients again.
    expectIdentical({ ...MICROGRAD_DEMO, points: 10 }, 5, ({ scratch }) => {
      const product = mul(scratch, createValue(scratch, 2), createValue(scratch, 3));
      setGrad(scratch, product, 1);
    });
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

  it('overflows with the arena error the op-by-op engine throws, the model untouched', () => {
    // In the inputs, in the forward, and in the loss (forward records end at 2,057,600 bytes).
    for (const scratchBytes of [3200, 40_000, 2_000_000, 2_080_000]) {
      const settings = { ...MICROGRAD_DEMO, scratchBytes };
      const reference = createTrainer(settings);
      const expected = errorOf(() => runStep(reference, OP_BY_OP_ENGINE));
      const ts = createTrainer(settings);
      const wasm = createWasmTrainer(settings);
      for (const [trainer, step] of [
        [ts, () => trainStep(ts)],
        [wasm, () => wasmTrainStep(wasm)],
      ] as const) {
        const model = () => bytesOf(trainer).subarray(trainer.model.base, trainer.scratch.base);
        const before = Buffer.from(model());
        const actual = errorOf(step);
        expect(actual).toBeInstanceOf(ArenaOverflowError);
        expect(actual.message).toBe(expected.message);
        expect(model().equals(before)).toBe(true);
        expect(trainer.scratch.used).toBe(0);
      }
    }
  });

  it('diverges with the op-by-op engine’s error, naming the same node', () => {
    const settings = { ...MICROGRAD_DEMO, learningRate: 100 };
    const reference = createTrainer(settings);
    const ts = createTrainer(settings);
    const wasm = createWasmTrainer(settings);
    let expected: Error | null = null;
    for (let k = 0; k < 20 && expected === null; k++) {
      expected = maybeError(() => runStep(reference, OP_BY_OP_ENGINE));
      expect(maybeError(() => trainStep(ts))?.message).toBe(expected?.message);
      expect(maybeError(() => wasmTrainStep(wasm))?.message).toBe(expected?.message);
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
