/**
 * The syntax tree of an expression-language program. Every node keeps the 1-based line and
 * column where it starts in the source (for an operator node: where its operator is), so that
 * errors and a future editor can point at it.
 */

/** A place in the source: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A number literal (a leading minus sign on a literal is folded in: `-4` is one leaf). */
export interface NumberExpr extends Position {
  readonly kind: 'number';
  readonly value: number;
}

/** A use of a name bound by an earlier statement. */
export interface NameExpr extends Position {
  readonly kind: 'name';
  readonly name: string;
}

/** Unary minus on something that is not a number literal: `-x`, `-(a*b)`. */
export interface NegateExpr extends Position {
  readonly kind: 'negate';
  readonly operand: Expr;
}

/** `left op right` for `+ - * /`. Positioned at the operator. */
export interface BinaryExpr extends Position {
  readonly kind: 'binary';
  readonly op: '+' | '-' | '*' | '/';
  readonly left: Expr;
  readonly right: Expr;
}

/**
 * `base ** exponent` or `pow(base, exponent)`. The exponent must be made of numbers only; the
 * parser folds it into `power`, and keeps the tree it came from in `exponent`.
 */
export interface PowerExpr extends Position {
  readonly kind: 'power';
  readonly base: Expr;
  readonly exponent: Expr;
  readonly power: number;
}

/** A one-argument function call such as `relu(z)`. Positioned at the function name. */
export interface CallExpr extends Position {
  readonly kind: 'call';
  readonly name: UnaryFunctionName;
  readonly argument: Expr;
}

/** Any expression. */
export type Expr = NumberExpr | NameExpr | NegateExpr | BinaryExpr | PowerExpr | CallExpr;

/** The one-argument functions of the language (each is an op of the engine). */
export type UnaryFunctionName = 'relu' | 'tanh' | 'exp' | 'log' | 'sigmoid' | 'sin' | 'cos' | 'neg';

/** `name = expr` (compound forms such as `c += 1` are stored as `c = c + (1)`). */
export interface Statement extends Position {
  readonly name: string;
  readonly expr: Expr;
}

/** A parsed program: its statements in order. The last one is the output. */
export interface Program {
  readonly statements: readonly Statement[];
}
