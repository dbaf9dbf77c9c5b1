/** A ring buffer of redraw times, summarised as median and 95th percentile. */
export class DrawTimes {
  private readonly samples: Float64Array;
  private count = 0;
  /** The most recent sample, in ms. */
  last = 0;

  constructor(capacity: number) {
    this.samples = new Float64Array(capacity);
  }

  /** Records one redraw time in ms. */
  add(ms: number): void {
    this.samples[this.count % this.samples.length] = ms;
    this.count++;
    this.last = ms;
  }

  /** Median, 95th percentile and max of the kept samples, and how many draws there were. */
  summary(): { draws: number; median: number; p95: number; max: number } {
    const kept = this.samples.slice(0, Math.min(this.count, this.samples.length)).sort();
    const at = (q: number) =>
      kept.length === 0 ? 0 : kept[Math.min(kept.length - 1, Math.floor(q * kept.length))];
    return { draws: this.count, median: at(0.5), p95: at(0.95), max: at(1) };
  }

  /** The summary as JSON, rounded to 0.01 ms (written on the canvas for tests to read). */
  summaryJson(): string {
    const s = this.summary();
    const r = (x: number) => Math.round(x * 100) / 100;
    return JSON.stringify({ draws: s.draws, median: r(s.median), p95: r(s.p95), max: r(s.max) });
  }
}
