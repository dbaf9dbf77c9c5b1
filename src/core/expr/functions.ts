/** The functions a program can call, each one op of the engine, and their number forms. */
import type { MemoryArena } from '../arena';
import { cos, exp, log, neg, relu, sigmoid, sin, tanh } from '../ops';
import type { Value } from '../value';
import type { UnaryFunctionName } from './ast';

/** One-argument function: how it builds a node, and how it folds plain numbers. */
interface UnaryFunction {
  readonly build: (arena: MemoryArena, a: Value) => Value;
  readonly fold: (x: number) => number;
}

/** The one-argument functions, by name. */
export const UNARY_FUNCTIONS: Readonly<Record<UnaryFunctionName, UnaryFunction>> = {
  relu: { build: relu, fold: (x) => (x > 0 ? x : 0) },
  tanh: { build: tanh, fold: Math.tanh },
  exp: { build: exp, fold: Math.exp },
  log: { build: log, fold: Math.log },
  sigmoid: { build: sigmoid, fold: (x) => 1 / (1 + Math.exp(-x)) },
  sin: { build: sin, fold: Math.sin },
  cos: { build: cos, fold: Math.cos },
  neg: { build: neg, fold: (x) => -x },
};

/** Every function name, as a student would list them. */
export const FUNCTION_LIST = 'relu, tanh, exp, log, sigmoid, sin, cos, neg and pow(x, n)';

/** Whether `name` is a one-argument function of the language. */
export function isUnaryFunction(name: string): name is UnaryFunctionName {
  return Object.prototype.hasOwnProperty.call(UNARY_FUNCTIONS, name);
}

/** Whether `name` is any function of the language (so it cannot be a variable). */
export function isFunctionName(name: string): boolean {
  return name === 'pow' || isUnaryFunction(name);
}
