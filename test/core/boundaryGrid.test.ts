import { describe, expect, it } from 'vitest';
import { createTrainer, createValue, MICROGRAD_DEMO, mlpForward, trainStep } from '../../src/core';
import { cellCentre, createEvaluator, evaluateGrid, gridFor } from '../../src/core/boundaryGrid';
import { readParameters, writeParameters } from '../../src/core/parameters';

describe('boundary grid', () => {
  const trainer = createTrainer(MICROGRAD_DEMO);
  for (let k = 0; k < 5; k++) trainStep(trainer);
  const grid = gridFor(trainer.dataset, 12);

  it('covers every point of the dataset', () => {
    for (let i = 0; i < trainer.dataset.count; i++) {
      const [x, y] = [trainer.dataset.x[2 * i], trainer.dataset.x[2 * i + 1]];
      expect(x > grid.x0 && x < grid.x1 && y > grid.y0 && y < grid.y1).toBe(true);
    }
  });

  it('equals direct mlpForward scores and leaves the scratch arena as it was', () => {
    const { scratch } = trainer;
    const before = { used: scratch.used, tape: scratch.tapeLength };
    const scores = evaluateGrid(scratch, trainer.mlp, grid);
    expect({ used: scratch.used, tape: scratch.tapeLength }).toEqual(before);
    for (const [i, j] of [
      [0, 0],
      [5, 7],
      [11, 11],
      [3, 10],
    ]) {
      const [x, y] = cellCentre(grid, i, j);
      const checkpoint = scratch.mark();
      const inputs = [createValue(scratch, x), createValue(scratch, y)];
      const score = scratch.memory.f64[(mlpForward(scratch, trainer.mlp, inputs)[0] >>> 0) >> 3];
      checkpoint.end();
      expect(scores[j * grid.size + i]).toBe(Math.fround(score));
    }
  });

  it('an evaluator with copied weights gives the trainer’s scores', () => {
    const evaluator = createEvaluator(trainer.settings);
    writeParameters(evaluator.memory, evaluator.mlp, readParameters(trainer.memory, trainer.mlp));
    expect(evaluateGrid(evaluator.scratch, evaluator.mlp, grid)).toEqual(
      evaluateGrid(trainer.scratch, trainer.mlp, grid),
    );
    expect(evaluator.scratch.used).toBe(0);
  });
});
