/** Number formatting for nodes and captions: short, and exact enough to follow the arithmetic. */

/** `x` with at most `digits` significant digits, no trailing zeros: 0.5, -1.234, 3.1e-7. */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text =
    abs >= 1e-3 && abs < 1e6 ? String(Number(x.toPrecision(digits))) : x.toExponential(digits - 2);
  return text.replace('-', '−').replace(/\.?0+e/, 'e');
}
