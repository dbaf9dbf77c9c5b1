/**
 * The expression language: build a graph by hand, in the arena.
 *
 * ```ts
 * const scratch = new Memory().addArena('scratch', MB(4));
 * gradProgram(scratch, 'x = -4; z = 2*x + 2 + x; q = relu(z) + z*x');
 * // { output: 'q', values: { x: -4, z: -10, q: 40 }, grads: { x: -22, z: -4, q: 1 } }
 * ```
 */
export type {
  BinaryExpr,
  CallExpr,
  Expr,
  NameExpr,
  NegateExpr,
  NumberExpr,
  Position,
  PowerExpr,
  Program,
  Statement,
  UnaryFunctionName,
} from './ast';
export { tokenize, type Token, type TokenKind } from './lexer';
export { parseProgram, MAX_NESTING } from './parser';
export {
  evaluateProgram,
  gradProgram,
  type GradResult,
  type ProgramResult,
  type StatementResult,
} from './evaluate';
