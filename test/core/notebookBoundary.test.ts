/**
 * The decision boundary of the notebook's final model, against the notebook's own plot.
 * `data/micrograd-moon_mlp.png` is micrograd's `moon_mlp.png` (karpathy/micrograd, commit
 * c911406, MIT licence), byte for byte the picture `demo.ipynb`'s cell 8 draws after its 100
 * steps: `contourf` of Z = score > 0 on a mesh of step 0.25 over [min − 1, max + 1] of the
 * points, with `xlim`/`ylim` at the mesh's ends, so the coloured plot area is exactly the mesh's
 * box and each mesh point's pixel has its Z's colour (red: Z = 0, blue: Z = 1).
 */
import { describe, expect, it } from 'vitest';
import {
  MICROGRAD_NOTEBOOK,
  addressOf,
  createTrainer,
  createValue,
  mlpForward,
  trainStep,
  valueAt,
  type Trainer,
} from '../../src/core';
import { readPng, type Picture } from './data/readPng';

const H = 0.25;

/** numpy's `arange(from, to, H)`. */
function arange(from: number, to: number): number[] {
  return Array.from({ length: Math.ceil((to - from) / H) }, (_, k) => from + k * H);
}

/** The notebook's mesh: x and y from 1 below the points' least to 1 above their most. */
function meshOf(trainer: Trainer): { xs: number[]; ys: number[] } {
  const { x, count } = trainer.dataset;
  const along = (d: number) => Array.from({ length: count }, (_, i) => x[2 * i + d]);
  const [px, py] = [along(0), along(1)];
  return {
    xs: arange(Math.min(...px) - 1, Math.max(...px) + 1),
    ys: arange(Math.min(...py) - 1, Math.max(...py) + 1),
  };
}

/** The model's Z (score > 0) at every mesh point, row by row (y), as the notebook computes it. */
function modelZ(trainer: Trainer, xs: number[], ys: number[]): number[][] {
  return ys.map((y) =>
    xs.map((x) => {
      const checkpoint = trainer.scratch.mark();
      const inputs = [createValue(trainer.scratch, x), createValue(trainer.scratch, y)];
      const score = valueAt(
        trainer.memory,
        addressOf(mlpForward(trainer.scratch, trainer.mlp, inputs)[0]),
      );
      checkpoint.end();
      return score > 0 ? 1 : 0;
    }),
  );
}

/** The picture's Z at every mesh point: blue (1) or red (0) at the point's pixel. */
function pictureZ(picture: Picture, xs: number[], ys: number[]): number[][] {
  const { width, height, rgba } = picture;
  const at = (x: number, y: number, c: number) => rgba[(y * width + x) * 4 + c];
  // The plot area: the rows and columns with many clearly red or blue pixels (axes, ticks and
  // the white margin are neither).
  const coloured = (x: number, y: number) => Math.abs(at(x, y, 0) - at(x, y, 2)) > 60;
  const count = (n: number, f: (k: number) => boolean) =>
    Array.from({ length: n }, (_, k) => k).filter(f).length;
  const cols = Array.from({ length: width }, (_, x) => x).filter(
    (x) => count(height, (y) => coloured(x, y)) > 50,
  );
  const rows = Array.from({ length: height }, (_, y) => y).filter(
    (y) => count(width, (x) => coloured(x, y)) > 50,
  );
  const [left, right, top, bottom] = [cols[0], cols.at(-1)!, rows[0], rows.at(-1)!];
  const [x0, x1, y0, y1] = [xs[0], xs.at(-1)!, ys[0], ys.at(-1)!];
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  return ys.map((y) =>
    xs.map((x) => {
      const px = clamp(
        Math.round(left + ((x - x0) / (x1 - x0)) * (right - left)),
        left + 1,
        right - 1,
      );
      const py = clamp(
        Math.round(bottom - ((y - y0) / (y1 - y0)) * (bottom - top)),
        top + 1,
        bottom - 1,
      );
      return at(px, py, 2) > at(px, py, 0) ? 1 : 0;
    }),
  );
}

const agreement = (a: number[][], b: number[][]) =>
  a.flat().filter((z, i) => z === b.flat()[i]).length;

describe("the notebook's decision boundary", () => {
  const picture = readPng(new URL('./data/micrograd-moon_mlp.png', import.meta.url));

  it("after the notebook's 100 steps, this engine's model colours every mesh point as the notebook's plot", () => {
    const trainer = createTrainer(MICROGRAD_NOTEBOOK);
    const { xs, ys } = meshOf(trainer);
    expect([xs.length, ys.length]).toEqual([21, 15]);
    const before = agreement(modelZ(trainer, xs, ys), pictureZ(picture, xs, ys));
    for (let k = 0; k < 100; k++) trainStep(trainer);
    const after = agreement(modelZ(trainer, xs, ys), pictureZ(picture, xs, ys));
    expect(after).toBe(315);
    // The comparison tells models apart: the untrained model agrees at far fewer points.
    expect(before).toBeLessThan(250);
  });
});
