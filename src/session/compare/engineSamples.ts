/**
 * One engine's timed samples and their summary: median and spread of µs per step, the recent
 * strip, and the share of time in spikes, all over samples long enough for the clock.
 */
import { STRIP_STEPS, type EngineTimes } from './compareProtocol';
import type { SampleBatcher } from './sampling';

/** A timed sample: µs per step (its time ÷ its steps) and how many steps it batched. */
export interface Sample {
  readonly perStepUs: number;
  readonly steps: number;
}

/** Median, spread, spikes and the recent strip of `samples`. */
export function engineTimes(
  samples: readonly Sample[],
  batch: { steps: number; retaken: number } = { steps: 1, retaken: 0 },
  steps = samples.reduce((total, s) => total + s.steps, 0),
): EngineTimes {
  const sorted = samples.map((s) => s.perStepUs).sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const median = at(0.5);
  let total = 0;
  let spikes = 0;
  let shortest = Infinity;
  for (const s of samples) {
    shortest = Math.min(shortest, s.perStepUs * s.steps);
    total += s.perStepUs * s.steps;
    if (s.perStepUs > 2 * median) spikes += (s.perStepUs - median) * s.steps;
  }
  return {
    medianUs: median,
    p10Us: at(0.1),
    p90Us: at(0.9),
    maxUs: sorted.length === 0 ? 0 : sorted[sorted.length - 1],
    recentUs: samples.slice(-STRIP_STEPS).map((s) => s.perStepUs),
    spikeShare: total > 0 && median > 0 ? spikes / total : null,
    samples: samples.length,
    shortestSampleUs: samples.length === 0 ? 0 : shortest,
    stepsPerSample: batch.steps,
    steps,
    retaken: batch.retaken,
  };
}

/** One engine: its step function, its batch size, its samples and the steps it took. */
export class EngineSampler {
  readonly samples: Sample[] = [];
  steps = 0;
  batch: SampleBatcher | null = null;

  constructor(
    readonly step: () => number,
    private readonly clock: () => number,
  ) {}

  /** Runs `n` steps, timed by the clock (ms); their losses in order. */
  run(n: number): { elapsedMs: number; losses: Float64Array } {
    const losses = new Float64Array(n);
    const start = this.clock();
    for (let k = 0; k < n; k++) losses[k] = this.step();
    const elapsedMs = this.clock() - start;
    this.steps += n;
    return { elapsedMs, losses };
  }

  /**
   * One sample of the batch's steps: counted if it lasted long enough. Returns its losses and
   * whether it counted.
   */
  sample(): { losses: Float64Array; counted: boolean } {
    const batch = this.batch!;
    const steps = batch.steps;
    const { elapsedMs, losses } = this.run(steps);
    const counted = batch.accept(elapsedMs);
    if (counted) this.samples.push({ perStepUs: (elapsedMs * 1000) / steps, steps });
    return { losses, counted };
  }

  /** What the page shows. */
  times(): EngineTimes {
    return engineTimes(this.samples, this.batch ?? { steps: 1, retaken: 0 }, this.steps);
  }
}
