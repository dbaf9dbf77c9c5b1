/**
 * The training worker's logic, free of the Worker API so it can be tested in node: it answers
 * messages and, while running, trains in time slices with the core's Wasm engine
 * (`wasmTrainStep`: the WebAssembly kernel's forward and backward, bit-identical to `trainStep`;
 * no engine code of its own), collecting what each step did into batches sent about every 100 ms.
 */
import { createWasmTrainer, DivergenceError, wasmTrainStep, type WasmTrainer } from '../../core';
import { fusedGrid, type GridSpec } from '../../core';
import { readParameters, writeParameters } from '../../core';
import type { Batch, FromWorker, ToWorker } from './protocol';

/** How often progress is sent, and the boundary recomputed, in ms. */
export const PROGRESS_MS = 100;
export const GRID_MS = 150;

/** One training worker's state. */
export class WorkerCore {
  private trainer: WasmTrainer | null = null;
  private run = 0;
  private grid: GridSpec | null = null;
  private until: number | null = null;
  running = false;
  private firstStep = 0;
  private losses = new DoubleBuffer();
  private accuracies = new DoubleBuffer();
  /** The parameters after every step of the batch, one run of `p` doubles per step. */
  private snapshots = new DoubleBuffer();
  private lastPost = 0;
  private lastGrid = -Infinity;
  private rateSteps: number[] = [];
  private rateTimes: number[] = [];

  /** Answers one message; returns the messages to post. */
  handle(message: ToWorker, now: number): FromWorker[] {
    switch (message.type) {
      case 'load': {
        const trainer = createWasmTrainer({ ...message.settings, debug: false });
        writeParameters(trainer.memory, trainer.mlp, message.weights);
        trainer.step = message.step;
        this.trainer = trainer;
        this.run = message.run;
        this.grid = message.grid;
        this.running = false;
        this.resetBatch();
        return [];
      }
      case 'start':
        if (!this.trainer || message.run !== this.run) return [];
        this.until = message.until;
        this.running = true;
        this.resetBatch();
        this.lastPost = now;
        this.lastGrid = -Infinity;
        this.rateSteps = [this.trainer.step];
        this.rateTimes = [now];
        if (this.until !== null && this.trainer.step >= this.until)
          return [this.stop('target', null, now)];
        return [];
      case 'pause':
        if (!this.running || message.run !== this.run) return [];
        return [this.stop('pause', null, now)];
    }
  }

  /**
   * Trains until `budgetMs` have passed on `clock` (or the target is reached, or a step fails).
   * Returns the messages to post: a progress batch every {@link PROGRESS_MS}, or the final one.
   */
  slice(clock: () => number, budgetMs: number): FromWorker[] {
    const trainer = this.trainer;
    if (!trainer || !this.running) return [];
    const start = clock();
    let now = start;
    const p = trainer.mlp.parameters.length;
    do {
      if (this.until !== null && trainer.step >= this.until)
        return [this.stop('target', null, now)];
      try {
        const report = wasmTrainStep(trainer);
        this.losses.push(report.loss);
        this.accuracies.push(report.accuracy);
        readParameters(trainer.memory, trainer.mlp, this.snapshots.reserve(p));
      } catch (error) {
        // DivergenceError and overflow both leave the model as after the last good step.
        const text =
          error instanceof DivergenceError || error instanceof Error
            ? error.message
            : String(error);
        return [this.stop('error', text, clock())];
      }
      now = clock();
    } while (now - start < budgetMs);
    if (now - this.lastPost >= PROGRESS_MS) {
      this.lastPost = now;
      return [{ type: 'progress', ...this.batch(now) }];
    }
    return [];
  }

  private stop(
    reason: 'pause' | 'target' | 'error',
    error: string | null,
    now: number,
  ): FromWorker {
    this.running = false;
    this.lastGrid = -Infinity; // the final batch always carries the boundary
    return { type: 'paused', reason, error, ...this.batch(now) };
  }

  private batch(now: number): Batch {
    const trainer = this.trainer!;
    const report = trainer.report;
    this.rateSteps.push(trainer.step);
    this.rateTimes.push(now);
    while (this.rateTimes.length > 2 && now - this.rateTimes[1] >= 1000) {
      this.rateTimes.shift();
      this.rateSteps.shift();
    }
    const seconds = (now - this.rateTimes[0]) / 1000;
    const steps = trainer.step - this.rateSteps[0];
    let grid: Float32Array | null = null;
    if (this.grid && now - this.lastGrid >= GRID_MS) {
      this.lastGrid = now;
      grid = fusedGrid(trainer, trainer.layer, this.grid); // the kernel's forward: evaluateGrid's scores
    }
    const batch: Batch = {
      run: this.run,
      firstStep: this.firstStep,
      losses: this.losses.copy(),
      accuracies: this.accuracies.copy(),
      snapshots: this.snapshots.copy(),
      step: trainer.step,
      weights: readParameters(trainer.memory, trainer.mlp),
      stepsPerSecond: seconds > 0.05 ? steps / seconds : 0,
      scratchBytes: report.scratchBytes,
      modelBytes: trainer.model.used,
      nodes: report.nodes,
      grid,
    };
    this.resetBatch();
    return batch;
  }

  private resetBatch(): void {
    this.firstStep = this.trainer?.step ?? 0;
    this.losses.clear();
    this.accuracies.clear();
    this.snapshots.clear();
  }
}

/**
 * A growing run of doubles kept in one Float64Array that is reused from batch to batch, so a
 * batch of a few hundred steps (a few hundred thousand doubles) costs no array growth or garbage
 * per step; `copy()` gives the batch its own (transferable) array.
 */
class DoubleBuffer {
  private data = new Float64Array(1024);
  private length = 0;

  push(x: number): void {
    if (this.length === this.data.length) this.grow(1);
    this.data[this.length++] = x;
  }

  /** The next `n` slots, now counted in: a view to fill. */
  reserve(n: number): Float64Array {
    if (this.length + n > this.data.length) this.grow(n);
    this.length += n;
    return this.data.subarray(this.length - n, this.length);
  }

  private grow(n: number): void {
    const grown = new Float64Array(Math.max(2 * this.data.length, this.length + n));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }

  copy(): Float64Array {
    return this.data.slice(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
