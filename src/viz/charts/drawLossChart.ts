/**
 * Loss and accuracy over steps on a canvas: loss on a log scale (left axis), accuracy 0–100 %
 * (right axis), a marker at the step on screen, and dotted ones where the learning rate changed. Long runs are drawn one sample per pixel
 * column (the largest loss in the column, so spikes stay visible).
 */

/** What the chart draws. */
export interface LossChartData {
  losses: Float64Array;
  accuracies: Float64Array;
  /** The step on screen (a vertical marker), or -1. */
  current: number;
  /** Steps where the learning rate changed (dotted markers), if any. */
  rateChanges?: readonly number[];
}

/** Colour of the rate-change markers (and their key). */
export const RATE_CHANGE_COLOR = '#5a5a5a';

export const LOSS_COLOR = '#0072b2';
export const ACCURACY_COLOR = '#009e73';
const MARGIN = { left: 34, right: 30, top: 6, bottom: 14 };

/** Column `c` of `count` columns over `values`: its largest value (or its only one). */
function columnMax(values: Float64Array, c: number, columns: number): number {
  const n = values.length;
  const from = Math.floor((c * n) / columns);
  const to = Math.max(from + 1, Math.floor(((c + 1) * n) / columns));
  let best = -Infinity;
  for (let k = from; k < to && k < n; k++) if (values[k] > best) best = values[k];
  return best;
}

/** Draws the chart into `ctx` (CSS pixels `width × height`). */
export function drawLossChart(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  { losses, accuracies, current, rateChanges = [] }: LossChartData,
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = '#5a5a5a';
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const n = losses.length;
  if (n === 0) {
    ctx.textAlign = 'center';
    ctx.fillText('train to chart loss and accuracy', width / 2, height / 2);
    return;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = losses[k];
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) [lo, hi] = [1e-3, 1];
  const logLo = Math.floor(Math.log10(lo));
  const logHi = Math.max(logLo + 1, Math.ceil(Math.log10(hi)));
  const yLoss = (v: number) =>
    MARGIN.top + plotH * (1 - (Math.log10(Math.max(v, 10 ** logLo)) - logLo) / (logHi - logLo));
  const yAcc = (a: number) => MARGIN.top + plotH * (1 - a);
  const steps = Math.max(n - 1, 1);
  const xOf = (k: number) => MARGIN.left + (plotW * k) / steps;

  ctx.strokeStyle = '#e4e4e4';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const every = Math.max(1, Math.ceil((logHi - logLo) / 4)); // at most five grid lines
  for (let e = logLo; e <= logHi; e += every) {
    const y = Math.round(yLoss(10 ** e)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, y);
    ctx.lineTo(width - MARGIN.right, y);
    ctx.stroke();
    ctx.fillStyle = LOSS_COLOR;
    ctx.fillText(`1e${e}`, MARGIN.left - 3, y);
  }
  ctx.textAlign = 'left';
  ctx.fillStyle = ACCURACY_COLOR;
  ctx.fillText('100%', width - MARGIN.right + 3, yAcc(1));
  ctx.fillText('50%', width - MARGIN.right + 3, yAcc(0.5));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#5a5a5a';
  ctx.fillText(`step ${n - 1}`, width - MARGIN.right - 16, height - 2);
  ctx.fillText('0', MARGIN.left, height - 2);

  const columns = Math.max(1, Math.min(n, Math.floor(plotW)));
  // Accuracy dashed, loss solid: the two lines differ by more than their colour.
  const series = (
    values: Float64Array,
    y: (v: number) => number,
    color: string,
    dash: number[],
  ) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.setLineDash(dash);
    ctx.beginPath();
    for (let c = 0; c < columns; c++) {
      const v = columnMax(values, c, columns);
      const x = columns === n ? xOf(c) : MARGIN.left + (plotW * c) / Math.max(columns - 1, 1);
      if (c === 0) ctx.moveTo(x, y(v));
      else ctx.lineTo(x, y(v));
    }
    ctx.stroke();
  };
  series(accuracies, yAcc, ACCURACY_COLOR, [4, 3]);
  series(losses, yLoss, LOSS_COLOR, []);

  // A learning-rate change: a dotted line at the first step trained at the new rate.
  ctx.strokeStyle = RATE_CHANGE_COLOR;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([2, 3]);
  for (const step of rateChanges) {
    if (step >= n) continue;
    const x = Math.round(xOf(step)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, MARGIN.top);
    ctx.lineTo(x, MARGIN.top + plotH);
    ctx.stroke();
  }
  ctx.setLineDash([]);

  if (current >= 0 && current <= n) {
    const x = Math.round(xOf(Math.min(current, steps))) + 0.5;
    ctx.strokeStyle = '#d55e00';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, MARGIN.top);
    ctx.lineTo(x, MARGIN.top + plotH);
    ctx.stroke();
  }
}
