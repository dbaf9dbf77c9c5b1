/**
 * How many steps one timed sample batches, so the clock's tick is under 1 % of the sample.
 * Browsers coarsen `performance.now()` (100 µs in Chromium without cross-origin isolation), and
 * a step of the guide's neuron takes a few µs: timed one by one, most steps read 0. So each
 * sample runs steps until it lasts at least {@link MIN_SAMPLE_TICKS} ticks, and a step's time is
 * the sample's time ÷ its steps. Pure functions of the tick and a step's cost, for tests.
 */

/** A sample lasts at least this many ticks of the clock (one tick is then ≤ 1 % of it). */
export const MIN_SAMPLE_TICKS = 100;

/** Calibration times batches until one lasts this many ticks (a step's cost to about 10 %). */
export const CALIBRATION_TICKS = 10;

/**
 * Batches aim this much longer than the minimum, so that a sample faster than usual still
 * counts (on a loaded machine a sample's cost per step varies by 2× and more).
 */
export const SAMPLE_MARGIN = 1.5;

/** Recent samples whose median cost per step sizes the next batch. */
export const COST_HISTORY = 9;

/** The most steps one sample batches. */
export const MAX_STEPS_PER_SAMPLE = 1_000_000;

/** The tick assumed for a clock whose tick was not seen (ms): 1 µs. */
export const MIN_TICK_MS = 0.001;

/** The tick used for sampling (ms): the measured one, or {@link MIN_TICK_MS} if finer or unseen. */
export function effectiveTick(tickMs: number): number {
  return tickMs > MIN_TICK_MS ? tickMs : MIN_TICK_MS;
}

/** The shortest sample that counts (ms): {@link MIN_SAMPLE_TICKS} ticks. */
export function minSampleMs(tickMs: number): number {
  return MIN_SAMPLE_TICKS * effectiveTick(tickMs);
}

/**
 * Steps per sample for a step of `stepMs` on a clock of `tickMs`: enough that the sample lasts
 * {@link MIN_SAMPLE_TICKS} ticks with {@link SAMPLE_MARGIN} to spare; at least 1, at most
 * {@link MAX_STEPS_PER_SAMPLE}.
 */
export function stepsPerSample(tickMs: number, stepMs: number): number {
  if (!(stepMs > 0)) return MAX_STEPS_PER_SAMPLE;
  const steps = Math.ceil((minSampleMs(tickMs) * SAMPLE_MARGIN) / stepMs);
  return Math.min(MAX_STEPS_PER_SAMPLE, Math.max(1, steps));
}

/**
 * A step's cost (ms), estimated by running batches of `run(n)` steps, growing n until a batch
 * lasts {@link CALIBRATION_TICKS} ticks of `clock`.
 */
export function calibrate(
  run: (steps: number) => void,
  clock: () => number,
  tickMs: number,
): number {
  const enough = CALIBRATION_TICKS * effectiveTick(tickMs);
  for (let n = 1; ;) {
    const start = clock();
    run(n);
    const elapsed = clock() - start;
    if (elapsed >= enough || n >= MAX_STEPS_PER_SAMPLE) return elapsed / n;
    const growth = elapsed > 0 ? Math.ceil(enough / elapsed) : 16;
    n = Math.min(MAX_STEPS_PER_SAMPLE, n * Math.min(16, Math.max(2, growth)));
  }
}

/**
 * One engine's batch size: aimed from the median cost per step of its recent samples (so one
 * fast or slow sample does not swing it), and grown at once when a sample comes out too short.
 */
export class SampleBatcher {
  /** Steps the next sample takes. */
  steps: number;
  /** Samples that came out too short: not counted, taken again with more steps. */
  retaken = 0;
  private readonly costs: number[];

  constructor(
    readonly tickMs: number,
    stepMs: number,
  ) {
    this.costs = [stepMs];
    this.steps = stepsPerSample(tickMs, stepMs);
  }

  /**
   * Whether a sample of {@link steps} steps that took `elapsedMs` counts (it lasted at least
   * {@link MIN_SAMPLE_TICKS} ticks), and the next sample's batch.
   */
  accept(elapsedMs: number): boolean {
    const counts = elapsedMs >= minSampleMs(this.tickMs);
    // a sample that read 0 says only that a step is under a tick ÷ steps
    const cost =
      elapsedMs > 0 ? elapsedMs / this.steps : minSampleMs(this.tickMs) / (16 * this.steps);
    this.costs.push(cost);
    if (this.costs.length > COST_HISTORY) this.costs.shift();
    const aimed = stepsPerSample(this.tickMs, median(this.costs));
    if (counts) this.steps = aimed;
    else {
      this.retaken++;
      this.steps = Math.max(aimed, stepsPerSample(this.tickMs, cost), this.steps + 1);
    }
    return counts;
  }
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
