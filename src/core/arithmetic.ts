/**
 * The op functions now live with their rules in `ops/` (binaryOps.ts, unaryOps.ts). This module
 * only re-exports them for code that still imports `./arithmetic`.
 * @deprecated import from `../ops` (or the core's index) instead.
 */
export { add, mul, sub, div, pow, neg, relu, tanh, exp, log, sigmoid } from './ops';
