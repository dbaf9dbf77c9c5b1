/**
 * The ops: for each, its code, name, formulas, forward and gradient rule in one place
 * (`binaryOps.ts`, `unaryOps.ts`), the table by code (`opTable.ts`) and the backward sweep's
 * inlined copy of the rules (`gradientSweep.ts`).
 */
export { Op, type OpCode } from './opCodes';
export type { OpInfo } from './opInfo';
export { add, mul, sub, div, pow } from './binaryOps';
export { neg, relu, tanh, exp, log, sigmoid, sin, cos } from './unaryOps';
export { LEAF, OP_INFO, opInfo, gradientToParent, gradientToParentAt } from './opTable';
export { applyGradientRules, sweepRecords } from './gradientSweep';
