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
  | { type: 'start'; run: number; workload: CompareWorkload; steps: number }
  | { type: 'stop'; run: number };

/** One engine's step times: median and spread, and the most recent steps for the strip. */
export interface EngineTimes {
  /** µs per step: median, 10th and 90th percentile over the measured steps. */
  readonly medianUs: number;
  readonly p10Us: number;
  readonly p90Us: number;
  /** The slowest step, µs. */
  readonly maxUs: number;
  /** µs of the most recent steps, oldest first (at most {@link STRIP_STEPS}). */
  readonly recentUs: number[];
  /** Time above twice the median, summed, as a share of all time (the collector's spikes). */
  readonly spikeShare: number;
}

/** Steps kept for the strip of per-step times. */
export const STRIP_STEPS = 120;

/** What the worker reports, after every few pairs of steps and when it stops. */
export interface CompareSummary {
  readonly run: number;
  readonly workload: CompareWorkload;
  /** Pairs of steps done (each engine took this many steps). */
  readonly steps: number;
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
  /** Both engines' losses, step by step (same seed: they must be equal). */
  readonly arenaLosses: number[];
  readonly heapLosses: number[];
  /** Steps whose two losses were bit-for-bit equal, and the largest difference. */
  readonly equalSteps: number;
  readonly maxLossDifference: number;
  /** ns per `mark()` + push + `checkpoint.end()` (measured once per run). */
  readonly checkpointEndNs: number;
  /** The worker clock's resolution, µs. */
  readonly timerResolutionUs: number;
  /** The locality sweeps (measured once per worker). */
  readonly locality: LocalityTimes | null;
  /** A step failed (e.g. divergence): the core's message. */
  readonly error: string | null;
}

/** Worker → page. */
export type FromCompareWorker = { type: 'summary'; summary: CompareSummary };
