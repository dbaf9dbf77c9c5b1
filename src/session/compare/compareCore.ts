/**
 * The before-vs-after measurement, free of the Worker API so it can be tested in node: both
 * engines built from the same settings (same seed, same data, same first weights), sampled in
 * turn (arena, heap, arena, heap …). Each sample batches enough steps to last 100 ticks of the
 * clock (`sampling.ts`), so a coarse browser clock never reads a step as 0; with heavy steps a
 * sample is one step, and a garbage-collection pause lands on the step that caused it. Every
 * step's two losses are compared. The heap engine counts its own allocations.
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
import type { CompareSummary, CompareWorkload } from './compareProtocol';
import { EngineSampler } from './engineSamples';
import { LossMatch } from './lossMatch';
import { calibrate, minSampleMs, SampleBatcher } from './sampling';

export { engineTimes } from './engineSamples';

/** Values swept by the locality measurement (16 MiB of records: past the caches). */
export const LOCALITY_VALUES = 1 << 19;

/** Steps each engine takes before calibration (lets V8 optimise both engines). */
export const WARMUP_STEPS = 2;

/** Samples tried per engine and pair before giving up until the next pair (each grows the batch). */
const RETRIES = 4;

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
  private arenaSampler: EngineSampler;
  private heapSampler: EngineSampler;
  private losses = new LossMatch();
  private checkpointEndNs = 0;
  private error: string | null = null;
  private stopped = false;

  /** The smallest step the clock takes, µs (browsers coarsen it). */
  readonly timerResolutionUs: number;

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
    this.arenaSampler = new EngineSampler(() => trainStep(this.arena).loss, clock);
    this.heapSampler = new EngineSampler(() => heapTrainStep(this.heap).loss, clock);
    this.checkpointEndNs = measureCheckpointEnd(clock);
    this.timerResolutionUs = timerResolution(clock) * 1000;
  }

  /** Samples each engine has timed (the fewer of the two). */
  get samples(): number {
    return Math.min(this.arenaSampler.samples.length, this.heapSampler.samples.length);
  }

  get running(): boolean {
    return !this.stopped && this.error === null && this.samples < this.target;
  }

  /** Measures locality once (about a second); later runs reuse it. */
  measureLocality(): LocalityTimes {
    this.locality ??= measureLocality(LOCALITY_VALUES, this.clock);
    return this.locality;
  }

  /**
   * One counted sample of each engine still short of the target (the first call warms both up
   * and calibrates their batches). Returns false when the run is over.
   */
  pair(): boolean {
    if (!this.running) return false;
    try {
      if (this.arenaSampler.batch === null) this.calibrate();
      else {
        for (const [name, sampler] of this.engines()) {
          // a short sample is taken again at once (with more steps), so both engines keep pace
          for (let tries = 0; sampler.samples.length < this.target && tries < RETRIES; tries++) {
            const { losses, counted } = sampler.sample();
            this.losses.add(name, losses);
            if (counted) break;
          }
        }
      }
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
      samples: this.samples,
      target: this.target,
      running: this.running,
      arena: this.arenaSampler.times(),
      heap: this.heapSampler.times(),
      nodes: this.arena.report.nodes,
      arenaBytes: this.arena.report.scratchBytes,
      modelBytes: this.arena.model.used,
      heapAllocations: { ...this.heap.lastAllocations },
      losses: this.losses.summary(),
      checkpointEndNs: this.checkpointEndNs,
      timerResolutionUs: this.timerResolutionUs,
      minSampleUs: minSampleMs(this.timerResolutionUs / 1000) * 1000,
      locality: this.locality,
      error: this.error,
    };
  }

  private engines(): ['arena' | 'heap', EngineSampler][] {
    return [
      ['arena', this.arenaSampler],
      ['heap', this.heapSampler],
    ];
  }

  /** Warm-up steps, then each engine's step cost and so its batch (losses compared as ever). */
  private calibrate(): void {
    const tickMs = this.timerResolutionUs / 1000;
    for (const [name, sampler] of this.engines()) {
      this.losses.add(name, sampler.run(WARMUP_STEPS).losses);
      const stepMs = calibrate(
        (n) => this.losses.add(name, sampler.run(n).losses),
        this.clock,
        tickMs,
      );
      sampler.batch = new SampleBatcher(tickMs, stepMs);
    }
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
