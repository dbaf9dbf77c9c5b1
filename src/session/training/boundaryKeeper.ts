/**
 * The decision boundary on the main thread: the grid to evaluate for the trainer on screen, the
 * latest scores, and throttled recomputation. Scores come from here when stepping slowly and
 * from the worker during fast play (`accept`). Evaluation runs on a private small engine with
 * copied weights, so the arenas the memory view shows are never touched.
 */
import type { Trainer } from '../../core';
import { createEvaluator, evaluateGrid, gridFor, type Evaluator, type GridSpec } from '../../core';
import { readParameters, writeParameters } from '../../core';

/** Recomputations on the main thread at most every this many ms. */
const BOUNDARY_MS = 100;

export class BoundaryKeeper {
  /** The grid of the trainer on screen, or null. */
  grid: GridSpec | null = null;
  /** The latest scores (row-major over `grid`), or null. */
  scores: Float32Array | null = null;
  private evaluator: Evaluator | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last = 0;

  /** Follows a new trainer (or none): new grid and evaluator, scores computed at once. */
  reset(trainer: Trainer | null): void {
    this.scores = null;
    this.grid = trainer ? gridFor(trainer.dataset) : null;
    this.evaluator = trainer ? createEvaluator(trainer.settings) : null;
    if (trainer) this.compute(trainer);
  }

  /** Evaluates the grid with the trainer's current weights. */
  compute(trainer: Trainer): void {
    const evaluator = this.evaluator;
    if (!evaluator || !this.grid) return;
    this.last = performance.now();
    writeParameters(evaluator.memory, evaluator.mlp, readParameters(trainer.memory, trainer.mlp));
    this.scores = evaluateGrid(evaluator.scratch, evaluator.mlp, this.grid);
  }

  /** Recomputes soon (at most every BOUNDARY_MS), then calls `done`. */
  schedule(trainer: () => Trainer | null, done: () => void): void {
    if (this.timer) return;
    const wait = Math.max(0, BOUNDARY_MS - (performance.now() - this.last));
    this.timer = setTimeout(() => {
      this.timer = null;
      const current = trainer();
      if (current) this.compute(current);
      done();
    }, wait);
  }

  /** Scores computed elsewhere (the worker) for the same grid. */
  accept(scores: Float32Array): void {
    this.scores = scores;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
