/**
 * The decision boundary: the model's score over a grid as a heatmap (blue where it says +1,
 * vermillion where it says −1, paler near the boundary), with the data drawn over it: +1 as
 * blue circles, −1 as vermillion squares (two colours that colour-blind viewers tell apart,
 * and a shape difference besides). Framework-free: draws on a 2-D canvas context.
 */
import type { Dataset } from '../../core';
import type { GridSpec } from '../../core';

/** The two classes' colours (Okabe–Ito blue and vermillion). */
export const CLASS_COLORS = { positive: [0, 114, 178], negative: [213, 94, 0] } as const;

/** RGBA of a cell with `score`: the class's colour, stronger the surer the model is (NaN: white). */
export function cellColor(score: number): [number, number, number, number] {
  const c = score >= 0 ? CLASS_COLORS.positive : CLASS_COLORS.negative;
  const strength = Number.isNaN(score) ? 0 : 0.15 + 0.55 * Math.tanh(Math.abs(score));
  const mix = (k: number) => Math.round(255 + (k - 255) * strength);
  return [mix(c[0]), mix(c[1]), mix(c[2]), 255];
}

/** Fills `image` (size × size) with the heatmap of `scores`. */
export function paintScores(image: ImageData, scores: ArrayLike<number>): void {
  const data = image.data;
  for (let k = 0; k < scores.length; k++) {
    const [r, g, b, a] = cellColor(scores[k]);
    data[4 * k] = r;
    data[4 * k + 1] = g;
    data[4 * k + 2] = b;
    data[4 * k + 3] = a;
  }
}

/** Draws the heatmap and the points onto `ctx` (in CSS pixels: `width × height`). */
export function drawBoundary(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  grid: GridSpec | null,
  scores: Float32Array | null,
  dataset: Dataset | null,
  cache: { canvas: OffscreenCanvas | HTMLCanvasElement | null },
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#f3f3f3';
  ctx.fillRect(0, 0, width, height);
  if (!grid) return;
  if (scores && scores.length === grid.size * grid.size) {
    let tile = cache.canvas;
    if (!tile || tile.width !== grid.size) {
      tile = new OffscreenCanvas(grid.size, grid.size);
      cache.canvas = tile;
    }
    const tctx = tile.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const image = tctx.createImageData(grid.size, grid.size);
    paintScores(image, scores);
    tctx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, 0, 0, width, height);
  }
  if (!dataset || dataset.dims !== 2) return;
  const sx = width / (grid.x1 - grid.x0);
  const sy = height / (grid.y1 - grid.y0);
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#fff';
  for (let i = 0; i < dataset.count; i++) {
    const px = (dataset.x[2 * i] - grid.x0) * sx;
    const py = (grid.y1 - dataset.x[2 * i + 1]) * sy;
    const positive = dataset.y[i] > 0;
    const c = positive ? CLASS_COLORS.positive : CLASS_COLORS.negative;
    ctx.fillStyle = `rgb(${c[0]},${c[1]},${c[2]})`;
    ctx.beginPath();
    if (positive) ctx.arc(px, py, 3.6, 0, 2 * Math.PI);
    else ctx.rect(px - 3.2, py - 3.2, 6.4, 6.4);
    ctx.fill();
    ctx.stroke();
  }
}
