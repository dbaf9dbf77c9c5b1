/**
 * The run's history, for time travel: loss and accuracy of every step, and the parameters
 * after every step (state `s` = the weights after `s` steps; state 0 is the initial model).
 *
 * Memory is capped: states are kept densely up to `denseLimit` (every step up to 20,000 for
 * the demo's 337 parameters, or fewer for bigger models: at most 64 MiB of snapshots), then
 * every `sparseEvery`-th. A state that was not kept is reached by restoring the nearest earlier
 * one and training forward: a step is deterministic, so that gives the same numbers.
 */

/** How much history to keep. */
export interface HistoryLimits {
  /** Most states kept densely. */
  readonly maxDenseStates: number;
  /** Most bytes of dense snapshots. */
  readonly maxDenseBytes: number;
  /** Beyond the dense part, every this many states is kept. */
  readonly sparseEvery: number;
  /** Most steps recorded at all; recording stops there. */
  readonly maxSteps: number;
}

export const HISTORY_LIMITS: HistoryLimits = {
  maxDenseStates: 20_001,
  maxDenseBytes: 64 * 1024 * 1024,
  sparseEvery: 100,
  maxSteps: 1_000_000,
};

/** Loss, accuracy and parameter snapshots of one run. */
export class RunHistory {
  /** Steps recorded: losses of steps 0..length-1, states 0..length. */
  length = 0;
  /** States kept densely (0..denseLimit-1). */
  readonly denseLimit: number;
  private losses = new Float64Array(1024);
  private accuracies = new Float64Array(1024);
  private dense: Float64Array<ArrayBuffer>;
  private readonly sparse = new Map<number, Float64Array>();

  constructor(
    readonly paramCount: number,
    initial: ArrayLike<number>,
    readonly limits: HistoryLimits = HISTORY_LIMITS,
  ) {
    const byBytes = Math.floor(limits.maxDenseBytes / (8 * Math.max(1, paramCount)));
    this.denseLimit = Math.max(1, Math.min(limits.maxDenseStates, byBytes));
    this.dense = new Float64Array(paramCount * Math.min(this.denseLimit, 256));
    this.dense.set(initial as ArrayLike<number>, 0);
  }

  /** Whether another step can be recorded. */
  get full(): boolean {
    return this.length >= this.limits.maxSteps;
  }

  /**
   * Records step `step` (its loss and accuracy, before its update) and the parameters after it
   * (state `step + 1`). Re-recording a step exactly as it was (a deterministic replay) keeps what
   * follows; a different one drops everything after `step` first: the future is rewritten.
   */
  record(step: number, loss: number, accuracy: number, after: ArrayLike<number>): void {
    if (step >= this.limits.maxSteps) return;
    if (step > this.length)
      throw new RangeError(`step ${step} skips the history's end ${this.length}`);
    if (step < this.length) {
      if (Object.is(this.losses[step], loss) && this.holds(step + 1, after)) return;
      this.truncate(step);
    }
    this.losses = grow(this.losses, step + 1);
    this.accuracies = grow(this.accuracies, step + 1);
    this.losses[step] = loss;
    this.accuracies[step] = accuracy;
    this.length = step + 1;
    this.keepState(step + 1, after);
  }

  /** Forgets everything after state `state`. */
  truncate(state: number): void {
    if (state >= this.length) return;
    this.length = Math.max(0, state);
    for (const s of this.sparse.keys()) if (s > state) this.sparse.delete(s);
  }

  /**
   * The parameters of state `state` were changed by hand (an edit, an imported file): forget
   * every later step and keep these as that state, so going back and on replays the edited run.
   */
  edit(state: number, parameters: ArrayLike<number>): void {
    this.truncate(state);
    if (state < this.denseLimit) {
      this.dense = grow(this.dense, (state + 1) * this.paramCount);
      this.dense.set(parameters, state * this.paramCount);
    } else {
      this.sparse.set(state, Float64Array.from(parameters));
    }
  }

  /** Loss of step `step`. */
  lossAt(step: number): number {
    return step >= 0 && step < this.length ? this.losses[step] : NaN;
  }

  /** Accuracy of step `step`. */
  accuracyAt(step: number): number {
    return step >= 0 && step < this.length ? this.accuracies[step] : NaN;
  }

  /** Losses of steps 0..length-1 (a view; do not keep it across records). */
  get lossSeries(): Float64Array {
    return this.losses.subarray(0, this.length);
  }

  /** Accuracies of steps 0..length-1 (a view). */
  get accuracySeries(): Float64Array {
    return this.accuracies.subarray(0, this.length);
  }

  /** The latest kept state at or before `state`, with its parameters (a view). */
  nearestState(state: number): { state: number; parameters: Float64Array } {
    const target = Math.max(0, Math.min(state, this.length));
    const p = this.paramCount;
    if (target < this.denseLimit) {
      return { state: target, parameters: this.dense.subarray(target * p, (target + 1) * p) };
    }
    const exact = this.sparse.get(target); // an edited state off the sparse grid
    if (exact) return { state: target, parameters: exact };
    for (
      let s = target - (target % this.limits.sparseEvery);
      s >= this.denseLimit;
      s -= this.limits.sparseEvery
    ) {
      const kept = this.sparse.get(s);
      if (kept) return { state: s, parameters: kept };
    }
    const last = this.denseLimit - 1;
    return { state: last, parameters: this.dense.subarray(last * p, (last + 1) * p) };
  }

  /** Bytes the snapshots and series take. */
  get bytes(): number {
    return (
      this.dense.byteLength +
      this.losses.byteLength +
      this.accuracies.byteLength +
      this.sparse.size * this.paramCount * 8
    );
  }

  private holds(state: number, parameters: ArrayLike<number>): boolean {
    const p = this.paramCount;
    const kept =
      state < this.denseLimit
        ? this.dense.subarray(state * p, (state + 1) * p)
        : this.sparse.get(state);
    if (!kept) return false;
    for (let i = 0; i < p; i++) if (!Object.is(kept[i], parameters[i])) return false;
    return true;
  }

  private keepState(state: number, parameters: ArrayLike<number>): void {
    const p = this.paramCount;
    if (state < this.denseLimit) {
      this.dense = grow(this.dense, (state + 1) * p);
      this.dense.set(parameters, state * p);
    } else if (state % this.limits.sparseEvery === 0) {
      this.sparse.set(state, Float64Array.from(parameters));
    }
  }
}

/** `array`, or a copy at least twice as long when it is shorter than `length`. */
function grow(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (array.length >= length) return array;
  const next = new Float64Array(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}
