import { describe, expect, it } from 'vitest';
import {
  afterGuideStep,
  afterTrainStep,
  beforeTrainStep,
  cppCounters,
  cppModule,
  createCppRun,
  CppSpecError,
  cppSpecOf,
  initialWeights,
  WASI_FUNCTIONS,
  type CppCommonExports,
} from '../../../src/core/cpp';
import { createGuideLoop, guideLoopStep } from '../../../src/core/guide';
import { GUIDE_EXAMPLE, MICROGRAD_DEMO, createTrainer, trainStep } from '../../../src/core/train';
import type { TrainSettings } from '../../../src/core/train';

/** The TypeScript engine's first `steps` losses. */
function typescriptLosses(settings: TrainSettings, steps: number): number[] {
  const trainer = createTrainer(settings);
  return Array.from({ length: steps }, () => trainStep(trainer).loss);
}

/** What one op allocates: mallocs, frees and live bytes around `probe_op(op)`. */
function opCost(exports: CppCommonExports, op: number) {
  exports.probe_leaves();
  const before = cppCounters(exports);
  exports.probe_op(op);
  const after = cppCounters(exports);
  exports.probe_release();
  return {
    mallocs: after.mallocs - before.mallocs,
    frees: after.frees - before.frees,
    liveBytes: after.liveBytes - before.liveBytes,
  };
}

describe('the C++ modules (cpp/before.wasm, cpp/after.wasm)', () => {
  it('load, importing nothing but what the WASI layer provides', () => {
    for (const name of ['before', 'after'] as const) {
      for (const entry of WebAssembly.Module.imports(cppModule(name))) {
        expect(entry.module).toBe('wasi_snapshot_preview1');
        expect(WASI_FUNCTIONS).toContain(entry.name);
      }
      const run = createCppRun(name as 'after', GUIDE_EXAMPLE);
      expect(run.parameterCount).toBe(4);
      for (let i = 0; i < 4; i++) {
        expect(run.instance.exports.parameter(i)).toBe(initialWeights(GUIDE_EXAMPLE)[i]);
      }
    }
  });

  it("train the guide's example to the TypeScript engine's losses, bit for bit", () => {
    const expected = typescriptLosses(GUIDE_EXAMPLE, 20);
    const before = createCppRun('before', GUIDE_EXAMPLE);
    const leaking = createCppRun('before', GUIDE_EXAMPLE, { captureSelf: true });
    const after = createCppRun('after', GUIDE_EXAMPLE);
    expect(expected.map(() => beforeTrainStep(before))).toEqual(expected);
    expect(expected.map(() => beforeTrainStep(leaking))).toEqual(expected);
    expect(expected.map(() => afterTrainStep(after))).toEqual(expected);
    expect(new Set(expected).size).toBe(20); // the loss moves: the update ran
  });

  it("train micrograd's demo (2-16-16-1, hinge + L2, full batch) to the same losses for 10 steps", () => {
    const expected = typescriptLosses(MICROGRAD_DEMO, 10);
    const before = createCppRun('before', MICROGRAD_DEMO);
    const after = createCppRun('after', MICROGRAD_DEMO);
    expect(expected.map(() => beforeTrainStep(before))).toEqual(expected);
    expect(expected.map(() => afterTrainStep(after))).toEqual(expected);
  });

  it("run the guide's own loop: no update keeps the loss, the update trains as TypeScript's does", () => {
    const frozen = createCppRun('after', GUIDE_EXAMPLE);
    const losses = [0, 1, 2].map(() => afterGuideStep(frozen, false).loss);
    expect(new Set(losses).size).toBe(1);
    const loop = createGuideLoop();
    const updating = createCppRun('after', GUIDE_EXAMPLE);
    for (let k = 0; k < 5; k++) {
      const { loss, visits } = afterGuideStep(updating, true);
      expect(loss).toBe(guideLoopStep(loop, true));
      expect(visits).toBeGreaterThan(0);
    }
  });

  it('count 4 mallocs + 1 free per binary op before (capturing lambdas), 3 + 1 without, 0 after', () => {
    const capturing = createCppRun('before', GUIDE_EXAMPLE, { captureSelf: true }).instance.exports;
    const plain = createCppRun('before', GUIDE_EXAMPLE).instance.exports;
    const arena = createCppRun('after', GUIDE_EXAMPLE).instance.exports;
    for (const op of [0, 1]) {
      // make_shared (80-byte chunk), two push_backs (16 then 32, the 16 freed), the lambda (16).
      expect(opCost(capturing, op)).toEqual({ mallocs: 4, frees: 1, liveBytes: 128 });
      expect(opCost(plain, op)).toEqual({ mallocs: 3, frees: 1, liveBytes: 112 });
      expect(opCost(arena, op)).toEqual({ mallocs: 0, frees: 0, liveBytes: 0 });
    }
    expect(opCost(capturing, 2)).toEqual({ mallocs: 3, frees: 0, liveBytes: 112 }); // relu
    expect(opCost(arena, 2)).toEqual({ mallocs: 0, frees: 0, liveBytes: 0 });
  });

  it('grow by the same bytes every step with capturing lambdas, and by 0 without', () => {
    const growth = (captureSelf: boolean): number[] => {
      const run = createCppRun('before', GUIDE_EXAMPLE, { captureSelf });
      beforeTrainStep(run); // the first step may size backward's containers
      return [0, 1, 2, 3].map(() => {
        const start = run.instance.exports.live_bytes();
        beforeTrainStep(run);
        return run.instance.exports.live_bytes() - start;
      });
    };
    const leaking = growth(true);
    expect(leaking[0]).toBeGreaterThan(0);
    expect(new Set(leaking).size).toBe(1);
    expect(growth(false)).toEqual([0, 0, 0, 0]);
    const after = createCppRun('after', GUIDE_EXAMPLE);
    const start = cppCounters(after.instance.exports);
    for (let k = 0; k < 5; k++) afterTrainStep(after);
    expect(cppCounters(after.instance.exports)).toEqual(start);
  });

  it('refuse settings they cannot run bit for bit (tanh neurons), with a clear error', () => {
    expect(() => cppSpecOf({ ...MICROGRAD_DEMO, activation: 'tanh' })).toThrow(CppSpecError);
    expect(() => cppSpecOf({ ...MICROGRAD_DEMO, activation: 'tanh' })).toThrow(/relu and linear/);
  });
});
