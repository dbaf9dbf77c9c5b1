/**
 * A training run on one of the C++ modules: the spec handed in, then one step at a time at the
 * learning rate the TypeScript engines use at that step (`learningRateAt`), with the module's
 * allocation counters read around it. The leaking "before" refuses a step that could pass its
 * heap budget, with a {@link CppHeapBudgetError}: the page never sees a trap.
 */
import { learningRateAt, type TrainSettings } from '../train/trainSettings';
import {
  instantiateCpp,
  type CppAfterExports,
  type CppBeforeExports,
  type CppCommonExports,
  type CppInstance,
  type CppModuleName,
} from './cppModule';
import { cppSpecOf } from './cppSpec';

/** The leaking run would pass the module's heap budget at its next step: it stops before. */
export class CppHeapBudgetError extends Error {
  override readonly name = 'CppHeapBudgetError';
}

/** A C++ step ended without an update (after.cpp's `StepStatus`). */
export class CppStepError extends Error {
  override readonly name = 'CppStepError';
}

/** Allocation counters, read from the module. */
export interface CppCounters {
  mallocs: number;
  frees: number;
  /** Bytes of the chunks operator new returned and that are not freed. */
  liveBytes: number;
  /** The module's linear memory, in bytes (dlmalloc never gives any back). */
  memoryBytes: number;
}

/** How to build a run. */
export interface CppRunOptions {
  /** Record every allocation's kind (for the heap view; slower: off when timing). */
  trackKinds?: boolean;
  /** before only: lambdas that capture their own node's shared_ptr (the leak). */
  captureSelf?: boolean;
}

/** A model on a C++ module, ready to step. */
export interface CppRun<E extends CppCommonExports = CppCommonExports> {
  readonly instance: CppInstance<E>;
  readonly settings: Readonly<TrainSettings>;
  /** Parameters in the model. */
  readonly parameterCount: number;
  /** Steps taken so far. */
  step: number;
}

/** Reads the counters of an instance. */
export function cppCounters(exports: CppCommonExports): CppCounters {
  return {
    mallocs: exports.mallocs(),
    frees: exports.frees(),
    liveBytes: exports.live_bytes(),
    memoryBytes: exports.memory.buffer.byteLength,
  };
}

/** A fresh instance of `name` with `settings`' model, data and first weights handed in. */
export function createCppRun(
  name: 'before',
  settings: TrainSettings,
  options?: CppRunOptions,
): CppRun<CppBeforeExports>;
export function createCppRun(
  name: 'after',
  settings: TrainSettings,
  options?: CppRunOptions,
): CppRun<CppAfterExports>;
export function createCppRun(
  name: CppModuleName,
  settings: TrainSettings,
  options: CppRunOptions = {},
): CppRun {
  const spec = cppSpecOf(settings);
  const instance = name === 'before' ? instantiateCpp('before') : instantiateCpp('after');
  const exports = instance.exports;
  if (options.trackKinds) exports.track_kinds();
  if (name === 'before') {
    (exports as CppBeforeExports).set_capture_self(options.captureSelf ? 1 : 0);
  }
  const address = exports.buffer(spec.byteLength);
  new Float64Array(exports.memory.buffer, address, spec.length).set(spec);
  const parameterCount = exports.setup(address);
  exports.free_buffer(address);
  if (parameterCount === 0) {
    throw new CppStepError(
      `the model does not fit the C++ model arena (${settings.modelBytes} bytes)`,
    );
  }
  return { instance, settings: { ...settings }, parameterCount, step: 0 };
}

/** Whether the leaking "before" run could take another step within its heap budget. */
export function beforeStepFits(run: CppRun<CppBeforeExports>): boolean {
  return run.instance.exports.step_fits() === 1;
}

/**
 * One step of the "before" program (forward, loss, micrograd's backward, update, release).
 * Throws {@link CppHeapBudgetError}, having done nothing, when the step could pass the budget.
 */
export function beforeTrainStep(run: CppRun<CppBeforeExports>): number {
  const exports = run.instance.exports;
  if (!beforeStepFits(run)) {
    const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
    throw new CppHeapBudgetError(
      `stopped before step ${run.step}: the leaking C++ heap is ${mb(exports.memory.buffer.byteLength)} ` +
        `and grows ${mb(exports.last_growth())} a step; another step could pass its ` +
        `${mb(exports.heap_budget())} budget`,
    );
  }
  const loss = exports.train_step(learningRateAt(run.settings, run.step));
  run.step++;
  return loss;
}

const STATUS_TEXT = ['', 'the loss diverged', 'a weight diverged', 'the scratch arena overflowed'];

/** One step of the "after" program put right; throws {@link CppStepError} if it updated nothing. */
export function afterTrainStep(run: CppRun<CppAfterExports>): number {
  const exports = run.instance.exports;
  const loss = exports.train_step(learningRateAt(run.settings, run.step));
  const status = exports.step_status();
  if (status !== 0) {
    throw new CppStepError(
      `C++ step ${run.step}: ${STATUS_TEXT[status] ?? `status ${status}`} (loss ${loss})`,
    );
  }
  run.step++;
  return loss;
}

/**
 * One pass of the guide's loop as written, on the "after" program: its recursive backward,
 * the update only if `withUpdate`. Returns the loss and how many nodes the backward visited.
 */
export function afterGuideStep(
  run: CppRun<CppAfterExports>,
  withUpdate: boolean,
): { loss: number; visits: number } {
  const exports = run.instance.exports;
  const loss = exports.guide_step(withUpdate ? 1 : 0, learningRateAt(run.settings, run.step));
  run.step++;
  return { loss, visits: exports.guide_visits() };
}
