/** Exponents are constants: `x ** 2`, `x ** (1/3)`, never `x ** n` for a Value `n`. */
import { ExpressionError } from '../errors';
import type { Expr, Position } from './ast';
import { UNARY_FUNCTIONS } from './functions';
import { shorten } from './lexer';
import { firstName, reduceExpr } from './walk';

/** Folds an exponent made of numbers only; a name in it is an error that says why. */
export function constantExponent(exponent: Expr, start: Position, what: string): number {
  const name = firstName(exponent);
  if (name !== undefined) {
    const shown = shorten(name.name);
    throw new ExpressionError(
      `the exponent of ${what} must be a constant number; '${shown}' is a Value, not a ` +
        `number (write a number such as x**2, or exp(${shown}*log(x)) for a Value power)`,
      name.line,
      name.column,
    );
  }
  const value = reduceExpr<number>(exponent, {
    number: (node) => node.value,
    name: () => NaN,
    negate: (_, x) => -x,
    binary: (node, a, b) =>
      node.op === '+' ? a + b : node.op === '-' ? a - b : node.op === '*' ? a * b : a / b,
    power: (node, base) => Math.pow(base, node.power),
    call: (node, x) => UNARY_FUNCTIONS[node.name].fold(x),
  });
  if (!Number.isFinite(value)) {
    const reason = `the exponent of ${what} works out to ${value}: it must be a finite number`;
    throw new ExpressionError(reason, start.line, start.column);
  }
  return value;
}
