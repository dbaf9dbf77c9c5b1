/**
 * Messages between the page and the before-vs-after worker. Plain data only. Every message
 * carries the run id of the `start` it belongs to, so the page ignores what a superseded run
 * still sends.
 */
import type { HeapAllocations, LocalityTimes } from '../../core/baseline';

/** What the two engines train: micrograd's demo batch (`points` moons) or the guide's neuron. */
export interface CompareWorkload {
  readonly kind: 'demo' | 'neuron';
  /** Demo batch: points of the moons dataset (the demo uses 100). */
  readonly points: number;
}

/** Page → worker. */
export type ToCompareWorker =
  | { type: 'start'; run: number; workload: CompareWorkload; samples: number }
  | { type: 'stop'; run: number };

/**
 * One engine's step times, from timed samples: each sample runs a batch of steps lasting at least
 * 100 ticks of the worker's clock (see `sampling.ts`), and a step's time is the sample's ÷ steps.
 */
export interface EngineTimes {
  /** µs per step: median, 10th and 90th percentile over the samples (0 while there are none). */
  readonly medianUs: number;
  readonly p10Us: number;
  readonly p90Us: number;
  /** The slowest sample's µs per step. */
  readonly maxUs: number;
  /** µs per step of the most recent samples, oldest first (at most {@link STRIP_STEPS}). */
  readonly recentUs: number[];
  /**
   * Time above twice the median, summed, as a share of all sampled time (the collector's spikes);
   * null while there are no samples.
   */
  readonly spikeShare: number | null;
  /** Samples timed. */
  readonly samples: number;
  /** The shortest timed sample, µs (all of it, not per step); 0 while there are none. */
  readonly shortestSampleUs: number;
  /** Steps the latest sample batched (1: every step timed on its own). */
  readonly stepsPerSample: number;
  /** Steps taken, warm-up and calibration included. */
  readonly steps: number;
  /** Samples that came out under 100 ticks: not counted, taken again with more steps. */
  readonly retaken: number;
}

/** Samples kept for the strip of per-step times. */
export const STRIP_STEPS = 120;

/** The two engines' losses, compared step by step (same seed: they must be equal). */
export interface LossComparison {
  /** Steps both engines took, whose losses were compared. */
  readonly compared: number;
  /** Of those, bit-for-bit equal. */
  readonly equal: number;
  /** The largest difference. */
  readonly maxDifference: number;
  /** The last compared step's losses (NaN before the first). */
  readonly lastArena: number;
  readonly lastHeap: number;
}

/** What the worker reports, after every few samples and when it stops. */
export interface CompareSummary {
  readonly run: number;
  readonly workload: CompareWorkload;
  /** Samples each engine has timed (the fewer of the two). */
  readonly samples: number;
  /** Samples each engine times in this run. */
  readonly target: number;
  readonly running: boolean;
  readonly arena: EngineTimes;
  readonly heap: EngineTimes;
  /** Values (records / HeapValues) per step: the same in both engines. */
  readonly nodes: number;
  /** Arena bytes bumped per step (scratch) and the model arena's bytes. */
  readonly arenaBytes: number;
  readonly modelBytes: number;
  /** JS objects the heap engine made in its last step, counted by the engine. */
  readonly heapAllocations: HeapAllocations;
  readonly losses: LossComparison;
  /** ns per `mark()` + push + `checkpoint.end()` (measured once per run). */
  readonly checkpointEndNs: number;
  /** The worker clock's resolution, µs. */
  readonly timerResolutionUs: number;
  /** The shortest sample that counts, µs (100 ticks). */
  readonly minSampleUs: number;
  /** The locality sweeps (measured once per worker). */
  readonly locality: LocalityTimes | null;
  /** A step failed (e.g. divergence): the core's message. */
  readonly error: string | null;
}

/** Worker → page. */
export type FromCompareWorker = { type: 'summary'; summary: CompareSummary };
