/**
 * The decision boundary through a fused forward: `evaluateGrid`'s scores (boundaryGrid.ts), the
 * same numbers to the bit, with each cell's records written by the trainer's layer forward (the
 * Wasm kernel's in the worker) instead of op by op: about 4× faster on the 48 × 48 grid, which
 * fast play recomputes every 150 ms beside training.
 */
import type { GridSpec } from '../boundaryGrid';
import { evaluateGrid } from '../boundaryGrid';
import { VALUE_RECORD_SIZE } from '../recordLayout';
import { writeLinks } from '../value';
import { forwardPoint, type LayerForward } from './fusedForward';
import type { Trainer } from './trainer';
import { canRunFused } from './trainStep';

/**
 * Scores of every grid cell, row-major (`out[j * size + i]`), as `evaluateGrid(trainer.scratch,
 * trainer.mlp, grid, out)` computes them. Each cell's two input leaves and forward records are
 * written in one checkpoint of the scratch arena, which is left as it was. Runs `evaluateGrid`
 * itself when the fused forward cannot run (`canRunFused`) or one cell's records do not fit.
 */
export function fusedGrid(
  trainer: Trainer,
  layer: LayerForward,
  grid: GridSpec,
  out = new Float32Array(grid.size * grid.size),
): Float32Array {
  const { scratch, pointBytes } = trainer;
  const start = scratch.base + scratch.used;
  const fits = start + 2 * VALUE_RECORD_SIZE + pointBytes <= scratch.base + scratch.capacity;
  if (!canRunFused(trainer) || !fits || trainer.dataset.dims !== 2) {
    return evaluateGrid(scratch, trainer.mlp, grid, out);
  }
  const plan = trainer.plan!;
  const { f64, u32 } = scratch.memory;
  const w = (grid.x1 - grid.x0) / grid.size; // as cellCentre computes the centres
  const h = (grid.y1 - grid.y0) / grid.size;
  const checkpoint = scratch.mark();
  try {
    for (let j = 0; j < grid.size; j++) {
      for (let i = 0; i < grid.size; i++) {
        // The two inputs, as createValue writes them.
        f64[start >> 3] = grid.x0 + (i + 0.5) * w;
        writeLinks(f64, u32, start, 0, 0, 0, 0);
        f64[(start >> 3) + 4] = grid.y1 - (j + 0.5) * h;
        writeLinks(f64, u32, start + 32, 0, 0, 0, 0);
        const at = forwardPoint(f64, u32, plan, layer, start + 64, start);
        out[j * grid.size + i] = f64[(at - VALUE_RECORD_SIZE) >> 3];
      }
    }
    // The high-water mark sees one cell's records, as with evaluateGrid's checkpoints.
    scratch.used = start + 64 + pointBytes - scratch.base;
  } finally {
    checkpoint.end();
  }
  return out;
}
