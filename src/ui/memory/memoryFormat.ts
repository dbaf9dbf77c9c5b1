/** Number formats of the memory panels. */
import { hex } from '../../core';

/** Bytes with thousands separators: `2,095,392`. */
export function bytes(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A short size: `512 B`, `64 KiB`, `4 MiB`, `1.5 MiB`. */
export function shortSize(n: number): string {
  if (n >= 1 << 20) return `${trim(n / (1 << 20))} MiB`;
  if (n >= 1 << 10) return `${trim(n / (1 << 10))} KiB`;
  return `${n} B`;
}

function trim(x: number): string {
  return String(Number(x.toPrecision(3)));
}

export { hex };
