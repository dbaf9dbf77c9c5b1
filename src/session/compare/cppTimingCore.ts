/**
 * The five engines timed in one interleaved run, free of the Worker API (tested in node): the
 * guide's C++ before (shared_ptr, lambdas that do not leak) and after (its arena, put right),
 * compiled to WebAssembly; this engine's TypeScript step and its Wasm kernel; the JavaScript
 * heap engine, the garbage-collected one. All start from the same settings, data and first
 * weights. A round runs each engine for its batch of steps in turn, timed as a whole (each
 * batch is sized from the last so that it takes a few ms: browsers coarsen the clock to 100 µs,
 * longer than the guide's neuron takes a step); the first rounds are warm-up; the allocation counters
 * are read around the batch, outside the timing (counted only for the timed rounds).
 */
import { createHeapTrainer, heapTrainStep, totalObjects } from '../../core/baseline';
import {
  afterTrainStep,
  beforeTrainStep,
  createCppRun,
  type CppAfterExports,
  type CppBeforeExports,
  type CppCommonExports,
} from '../../core/cpp';
import { GUIDE_EXAMPLE, MICROGRAD_DEMO, createTrainer, trainStep } from '../../core/train';
import type { TrainSettings } from '../../core/train';
import { createWasmTrainer, wasmTrainStep } from '../../core/wasm';
import {
  CPP_ENGINES,
  WARMUP_ROUNDS,
  type CppEngineId,
  type CppEngineRow,
  type CppPairRatio,
  type CppTimingSummary,
  type CppWorkloadKind,
} from './cppProtocol';

/** A batch should take about this long (ms). */
const BATCH_MS = 10;

/** The settings of a workload: the demo's full batch or the guide's neuron. */
export function cppWorkloadSettings(kind: CppWorkloadKind): TrainSettings {
  return { ...(kind === 'neuron' ? GUIDE_EXAMPLE : MICROGRAD_DEMO), debug: false };
}

/** One engine: a step, and what to read around a batch. */
interface Engine {
  readonly id: CppEngineId;
  step(): number;
  /** The C++ module, for its counters. */
  readonly cpp: CppCommonExports | null;
  liveBytes(): number | null;
  objects(): number | null;
}

function enginesFor(settings: TrainSettings): { engines: Engine[]; nodes: () => number } {
  const before = createCppRun('before', settings);
  const after = createCppRun('after', settings);
  const ts = createTrainer(settings);
  const wasm = createWasmTrainer(settings);
  const heap = createHeapTrainer(settings);
  const cpp = (
    id: CppEngineId,
    exports: CppBeforeExports | CppAfterExports,
    step: () => number,
  ) => ({
    id,
    step,
    cpp: exports,
    liveBytes: () => exports.live_bytes(),
    objects: () => null,
  });
  const engines: Engine[] = [
    cpp('cppBefore', before.instance.exports, () => beforeTrainStep(before)),
    cpp('cppAfter', after.instance.exports, () => afterTrainStep(after)),
    {
      id: 'ts',
      step: () => trainStep(ts).loss,
      cpp: null,
      liveBytes: () => ts.memory.size,
      objects: () => null,
    },
    {
      id: 'wasm',
      step: () => wasmTrainStep(wasm).loss,
      cpp: null,
      liveBytes: () => wasm.memory.size,
      objects: () => null,
    },
    {
      id: 'heap',
      step: () => heapTrainStep(heap).loss,
      cpp: null,
      liveBytes: () => null,
      objects: () => totalObjects(heap.lastAllocations),
    },
  ];
  return { engines, nodes: () => ts.report.nodes };
}

/** What is kept of one engine during the run. */
interface Tally {
  batch: number;
  usPerStep: number[];
  losses: number[];
  mallocs: number;
  frees: number;
  countedSteps: number;
  firstLive: number | null;
  firstLiveStep: number;
}

/** One run of the five engines. */
export class CppTimingCore {
  private readonly engines: Engine[];
  private readonly nodes: () => number;
  private readonly tallies: Tally[];
  private next = 0; // the engine the next `batch` runs
  private stopped = false;
  private error: string | null = null;
  rounds = 0;

  constructor(
    readonly run: number,
    readonly kind: CppWorkloadKind,
    readonly target: number,
    private readonly clock: () => number,
    readonly timerResolutionUs = 0,
  ) {
    ({ engines: this.engines, nodes: this.nodes } = enginesFor(cppWorkloadSettings(kind)));
    this.tallies = this.engines.map(() => ({
      batch: 1,
      usPerStep: [],
      losses: [],
      mallocs: 0,
      frees: 0,
      countedSteps: 0,
      firstLive: null,
      firstLiveStep: 0,
    }));
  }

  get running(): boolean {
    return !this.stopped && this.error === null && this.rounds < this.target;
  }

  stop(): void {
    this.stopped = true;
  }

  /** Runs one engine's batch (untimed in the warm-up rounds). */
  batch(): boolean {
    if (!this.running) return false;
    const engine = this.engines[this.next];
    const tally = this.tallies[this.next];
    const cpp = engine.cpp;
    try {
      const mallocs = cpp?.mallocs() ?? 0;
      const frees = cpp?.frees() ?? 0;
      const t0 = this.clock();
      for (let k = 0; k < tally.batch; k++) tally.losses.push(engine.step());
      const elapsedMs = this.clock() - t0;
      if (this.rounds < WARMUP_ROUNDS) {
        tally.firstLive = engine.liveBytes();
        tally.firstLiveStep = tally.losses.length;
      } else if (elapsedMs > 0) {
        tally.usPerStep.push((elapsedMs * 1000) / tally.batch);
        if (cpp) {
          tally.mallocs += cpp.mallocs() - mallocs;
          tally.frees += cpp.frees() - frees;
          tally.countedSteps += tally.batch;
        }
      }
      tally.batch = nextBatch(tally.batch, elapsedMs);
    } catch (error) {
      this.error = `${engine.id}: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.next = (this.next + 1) % this.engines.length;
    if (this.next === 0) this.rounds++;
    return this.running;
  }

  summary(): CppTimingSummary {
    const reference = this.tallies[CPP_ENGINES.indexOf('ts')].losses;
    const rows = this.engines.map((engine, i) => row(engine, this.tallies[i], reference));
    return {
      run: this.run,
      kind: this.kind,
      rounds: this.rounds,
      target: this.target,
      running: this.running,
      nodes: this.nodes(),
      rows,
      ratios: this.ratios(),
      timerResolutionUs: this.timerResolutionUs,
      error: this.error,
    };
  }

  /** Per-round ratios of engines run side by side, their median. */
  private ratios(): CppPairRatio[] {
    const pairs: [CppEngineId, CppEngineId][] = [
      ['cppBefore', 'cppAfter'],
      ['ts', 'cppAfter'],
      ['ts', 'wasm'],
      ['heap', 'ts'],
      ['cppBefore', 'heap'],
    ];
    return pairs.map(([slower, faster]) => {
      const a = this.tallies[CPP_ENGINES.indexOf(slower)].usPerStep;
      const b = this.tallies[CPP_ENGINES.indexOf(faster)].usPerStep;
      const n = Math.min(a.length, b.length);
      return { slower, faster, ratio: median(Array.from({ length: n }, (_, k) => a[k] / b[k])) };
    });
  }
}

/**
 * The next batch of an engine: about {@link BATCH_MS} at the speed just measured; ten times the
 * last when it took no measurable time (below the clock's resolution).
 */
export function nextBatch(batch: number, elapsedMs: number): number {
  const next = elapsedMs > 0 ? Math.ceil((BATCH_MS * batch) / elapsedMs) : batch * 10;
  return Math.max(1, Math.min(100_000, next));
}

function row(engine: Engine, t: Tally, reference: readonly number[]): CppEngineRow {
  const sorted = [...t.usPerStep].sort((x, y) => x - y);
  const at = (q: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const live = engine.liveBytes();
  const grownSteps = t.losses.length - t.firstLiveStep;
  const compared = Math.min(reference.length, t.losses.length);
  let equal = 0;
  for (let k = 0; k < compared; k++) if (Object.is(reference[k], t.losses[k])) equal++;
  return {
    id: engine.id,
    medianUs: at(0.5),
    p10Us: at(0.1),
    p90Us: at(0.9),
    batch: t.batch,
    steps: t.losses.length,
    mallocsPerStep: engine.cpp && t.countedSteps > 0 ? t.mallocs / t.countedSteps : null,
    freesPerStep: engine.cpp && t.countedSteps > 0 ? t.frees / t.countedSteps : null,
    liveBytes: live,
    growthPerStep:
      live !== null && t.firstLive !== null && grownSteps > 0
        ? (live - t.firstLive) / grownSteps
        : null,
    objectsPerStep: engine.objects(),
    equalLosses: equal,
    compared,
    lastLoss: t.losses.at(-1) ?? NaN,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
