/**
 * The one number format of the Before vs after panel: thousands separators everywhere (the
 * memory panels' `bytes` grouping), three significant digits below 100: `9.26 µs`, `23.4 µs`,
 * `1,050 µs`, `36,200 µs`, `327,747`.
 */
import { bytes as grouped } from '../memory/memoryFormat';

/** A count: `327,747`. */
export function count(n: number): string {
  return grouped(n);
}

/** A measured quantity: `0.005`, `9.26`, `23.4`, `1,050`, `36,200`. */
export function measured(x: number): string {
  return Math.abs(x) >= 99.5 ? grouped(x) : String(Number(x.toPrecision(3)));
}

/** Microseconds: `9.26 µs`, `36,200 µs`. */
export function micros(us: number): string {
  return `${measured(us)} µs`;
}

/** Nanoseconds: `37.4 ns`. */
export function nanos(ns: number): string {
  return `${measured(ns)} ns`;
}

/** A share as a percentage: `0.4 %`, `15 %`. */
export function percent(share: number): string {
  const p = share * 100;
  return `${p >= 10 ? grouped(p) : String(Number(p.toFixed(1)))} %`;
}

/** A ratio: `3.2×`, `34×`, `1,210×`. */
export function times(x: number): string {
  return `${x >= 10 ? grouped(x) : String(Number(x.toFixed(1)))}×`;
}
