/**
 * The before-vs-after measurement, free of the Worker API so it can be tested in node: both
 * engines built from the same settings (same seed, same data, same first weights), stepped in
 * turn (arena, heap, arena, heap …), each step timed on its own so a garbage-collection pause
 * lands on the step that caused it. The heap engine counts its own allocations.
 */
import { createTrainer, GUIDE_EXAMPLE, MICROGRAD_DEMO, trainStep, type Trainer } from '../../core';
import type { TrainSettings } from '../../core';
import {
  createHeapTrainer,
  heapTrainStep,
  measureCheckpointEnd,
  measureLocality,
  type HeapTrainer,
  type LocalityTimes,
} from '../../core/baseline';
import {
  STRIP_STEPS,
  type CompareSummary,
  type CompareWorkload,
  type EngineTimes,
} from './compareProtocol';

/** Values swept by the locality measurement (16 MiB of records: past the caches). */
export const LOCALITY_VALUES = 1 << 19;

/** Pairs of steps taken before timing counts (lets V8 optimise both engines). */
export const WARMUP_PAIRS = 2;

/** The settings both engines train with. */
export function workloadSettings(workload: CompareWorkload): TrainSettings {
  const base = workload.kind === 'neuron' ? GUIDE_EXAMPLE : { ...MICROGRAD_DEMO };
  const points = workload.kind === 'neuron' ? base.points : workload.points;
  const scratchBytes = Math.max(base.scratchBytes, points * 700 * 32);
  return { ...base, points, scratchBytes, debug: false };
}

/** One run of the comparison. */
export class CompareCore {
  private arena: Trainer;
  private heap: HeapTrainer;
  private arenaUs: number[] = [];
  private heapUs: number[] = [];
  private arenaLosses: number[] = [];
  private heapLosses: number[] = [];
  private equalSteps = 0;
  private maxLossDifference = 0;
  private checkpointEndNs = 0;
  private error: string | null = null;
  private stopped = false;
  steps = 0;

  constructor(
    readonly run: number,
    readonly workload: CompareWorkload,
    readonly target: number,
    private readonly clock: () => number,
    private locality: LocalityTimes | null = null,
  ) {
    const settings = workloadSettings(workload);
    this.arena = createTrainer(settings);
    this.heap = createHeapTrainer(settings);
    this.checkpointEndNs = measureCheckpointEnd(clock);
    this.timerResolutionUs = timerResolution(clock) * 1000;
  }

  /** The smallest step the clock takes, µs (browsers coarsen it). */
  readonly timerResolutionUs: number;

  get running(): boolean {
    return !this.stopped && this.error === null && this.steps < this.target;
  }

  /** Measures locality once (about a second); later runs reuse it. */
  measureLocality(): LocalityTimes {
    this.locality ??= measureLocality(LOCALITY_VALUES, this.clock);
    return this.locality;
  }

  /** One arena step and one heap step, each timed. Returns false when the run is over. */
  pair(): boolean {
    if (!this.running) return false;
    try {
      const t0 = this.clock();
      const arenaLoss = trainStep(this.arena).loss;
      const t1 = this.clock();
      const heapLoss = heapTrainStep(this.heap).loss;
      const t2 = this.clock();
      this.steps++;
      if (this.steps > WARMUP_PAIRS) {
        this.arenaUs.push((t1 - t0) * 1000);
        this.heapUs.push((t2 - t1) * 1000);
      }
      this.arenaLosses.push(arenaLoss);
      this.heapLosses.push(heapLoss);
      if (arenaLoss === heapLoss) this.equalSteps++;
      const difference = Math.abs(arenaLoss - heapLoss);
      if (!(difference <= this.maxLossDifference)) this.maxLossDifference = difference;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    return this.running;
  }

  /** Stops the run where it is. */
  stop(): void {
    this.stopped = true;
  }

  /** What the page shows. */
  summary(): CompareSummary {
    return {
      run: this.run,
      workload: this.workload,
      steps: this.steps,
      target: this.target,
      running: this.running,
      arena: engineTimes(this.arenaUs),
      heap: engineTimes(this.heapUs),
      nodes: this.arena.report.nodes,
      arenaBytes: this.arena.report.scratchBytes,
      modelBytes: this.arena.model.used,
      heapAllocations: { ...this.heap.lastAllocations },
      arenaLosses: [...this.arenaLosses],
      heapLosses: [...this.heapLosses],
      equalSteps: this.equalSteps,
      maxLossDifference: this.maxLossDifference,
      checkpointEndNs: this.checkpointEndNs,
      timerResolutionUs: this.timerResolutionUs,
      locality: this.locality,
      error: this.error,
    };
  }
}

/** The smallest nonzero difference between readings of `clock`, over a few ticks (ms). */
export function timerResolution(clock: () => number): number {
  let smallest = Infinity;
  for (let tick = 0; tick < 20; tick++) {
    const start = clock();
    let now = start;
    for (let spin = 0; spin < 1e6 && now === start; spin++) now = clock();
    if (now > start) smallest = Math.min(smallest, now - start);
  }
  return Number.isFinite(smallest) ? smallest : 0;
}

/** Median, spread and the recent strip of a list of µs. */
export function engineTimes(us: readonly number[]): EngineTimes {
  const sorted = [...us].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = at(0.5);
  let total = 0;
  let spikes = 0;
  for (const t of us) {
    total += t;
    if (t > 2 * median) spikes += t - median;
  }
  return {
    medianUs: median,
    p10Us: at(0.1),
    p90Us: at(0.9),
    maxUs: sorted.length === 0 ? 0 : sorted[sorted.length - 1],
    recentUs: us.slice(-STRIP_STEPS),
    spikeShare: total > 0 ? spikes / total : 0,
  };
}
