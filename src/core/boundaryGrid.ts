/**
 * The decision boundary: the model's score on a grid over the data, computed with the arena
 * engine inside a scratch checkpoint (mark; createValue the inputs; mlpForward; read the score;
 * end), so it leaves no lasting memory behind. Each point gets its own checkpoint, so the scratch
 * arena needs room for one point's forward only.
 */
import type { MemoryArena } from './arena';
import type { Dataset } from './datasets';
import type { TrainSettings } from './index';
import { KB, Memory } from './memory';
import { createMLP, mlpForward, type MLP } from './nn';
import { createRandom } from './random';
import { createValue, type Value } from './value';

/** A square grid over the plane: `size × size` cell centres, row 0 at the top (largest y). */
export interface GridSpec {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly size: number;
}

/** Cells per side of the boundary grid. */
export const GRID_SIZE = 48;

/** A grid covering the dataset with a margin, square in data units. */
export function gridFor(dataset: Dataset, size = GRID_SIZE): GridSpec {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < dataset.count; i++) {
    const x = dataset.x[2 * i];
    const y = dataset.x[2 * i + 1];
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const span = Math.max(maxX - minX, maxY - minY, 1e-6) * 1.2 + 0.2;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { x0: cx - span / 2, x1: cx + span / 2, y0: cy - span / 2, y1: cy + span / 2, size };
}

/** The data coordinates of cell (column `i`, row `j`)'s centre. */
export function cellCentre(grid: GridSpec, i: number, j: number): [number, number] {
  const w = (grid.x1 - grid.x0) / grid.size;
  const h = (grid.y1 - grid.y0) / grid.size;
  return [grid.x0 + (i + 0.5) * w, grid.y1 - (j + 0.5) * h];
}

/**
 * Scores of every grid cell, row-major (`out[j * size + i]`). Runs in checkpoints of `scratch`,
 * which is left exactly as it was (the high-water mark may rise by one point's forward).
 */
export function evaluateGrid(
  scratch: MemoryArena,
  mlp: MLP,
  grid: GridSpec,
  out = new Float32Array(grid.size * grid.size),
): Float32Array {
  const inputs: Value[] = [0, 0];
  const f64 = () => scratch.memory.f64;
  for (let j = 0; j < grid.size; j++) {
    for (let i = 0; i < grid.size; i++) {
      const [x, y] = cellCentre(grid, i, j);
      const checkpoint = scratch.mark();
      try {
        inputs[0] = createValue(scratch, x);
        inputs[1] = createValue(scratch, y);
        const score = mlpForward(scratch, mlp, inputs, 0)[0];
        out[j * grid.size + i] = f64()[(score >>> 0) >> 3];
      } finally {
        checkpoint.end();
      }
    }
  }
  return out;
}

/** A small engine of its own for evaluating a model's grid off the trainer's arenas. */
export interface Evaluator {
  readonly memory: Memory;
  readonly model: MemoryArena;
  readonly scratch: MemoryArena;
  readonly mlp: MLP;
}

/** An evaluator with the same MLP shape as `settings` (write the weights in before use). */
export function createEvaluator(settings: TrainSettings): Evaluator {
  const memory = new Memory();
  const model = memory.addArena('model', settings.modelBytes);
  const scratch = memory.addArena('scratch', KB(512));
  const mlp = createMLP(model, settings.sizes, createRandom(0), {
    activation: settings.activation,
    outputActivation: settings.outputActivation,
    biasInit: settings.biasInit,
  });
  return { memory, model, scratch, mlp };
}
