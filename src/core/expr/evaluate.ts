/**
 * Running a program: every node of every statement is pushed into one arena, in evaluation
 * order (children left to right, then the node), so the arena's tape is the program's graph in
 * topological order. Number literals become leaf Values; names are bindings to Values.
 */
import type { MemoryArena } from '../arena';
import { add, div, mul, neg, pow, sub } from '../ops';
import { backward } from '../backward';
import { ExpressionError } from '../errors';
import { createValue, getGrad, getValue, type Value } from '../value';
import type { Program } from './ast';
import { UNARY_FUNCTIONS } from './functions';
import { shorten } from './lexer';
import { parseProgram } from './parser';
import { reduceExpr, type ExprReducer } from './walk';

/** One statement as it ran: the Value its name was bound to. */
export interface StatementResult {
  readonly name: string;
  readonly value: Value;
  readonly line: number;
  readonly column: number;
}

/** What {@link evaluateProgram} built. */
export interface ProgramResult {
  /** The name assigned by the last statement: the program's output. */
  readonly output: string;
  /** The final Value bound to each name, in the order the names were first assigned. */
  readonly bindings: Map<string, Value>;
  /** Every statement in order, with the Value it bound (rebinding gives a name several). */
  readonly statements: StatementResult[];
}

/** What {@link gradProgram} reports: plain numbers, keyed by name in first-assignment order. */
export interface GradResult {
  /** The output's name. */
  readonly output: string;
  /** The forward value of each name's final Value. */
  readonly values: Record<string, number>;
  /** d(output)/d(each name's final Value). */
  readonly grads: Record<string, number>;
}

/**
 * Evaluates a program (source text or parsed), pushing every node into `arena`. Throws
 * {@link ExpressionError} for a malformed program and `ArenaOverflowError` when the graph does
 * not fit; in both cases the bindings built so far are discarded.
 */
export function evaluateProgram(arena: MemoryArena, source: string | Program): ProgramResult {
  const program = typeof source === 'string' ? parseProgram(source) : source;
  const bindings = new Map<string, Value>();
  const reducer: ExprReducer<Value> = {
    number: (node) => createValue(arena, node.value),
    name: (node) => {
      const bound = bindings.get(node.name);
      if (bound === undefined) {
        const reason = `'${shorten(node.name)}' is not defined yet: assign it before using it`;
        throw new ExpressionError(reason, node.line, node.column);
      }
      return bound;
    },
    negate: (_, a) => neg(arena, a),
    binary: (node, a, b) => {
      if (node.op === '+') return add(arena, a, b);
      if (node.op === '-') return sub(arena, a, b);
      if (node.op === '*') return mul(arena, a, b);
      return div(arena, a, b);
    },
    power: (node, base) => pow(arena, base, node.power),
    call: (node, a) => UNARY_FUNCTIONS[node.name].build(arena, a),
  };
  const statements: StatementResult[] = [];
  for (const statement of program.statements) {
    const value = reduceExpr(statement.expr, reducer);
    bindings.set(statement.name, value);
    const { name, line, column } = statement;
    statements.push({ name, value, line, column });
  }
  if (statements.length === 0) {
    throw new ExpressionError(
      'the program is empty: write at least one assignment like `y = 2*x`',
      1,
      1,
    );
  }
  return { output: statements[statements.length - 1].name, bindings, statements };
}

/**
 * Evaluates a program in `arena`, runs `backward` from its output, and returns the final value
 * of every name and the gradient of the output with respect to it. Every name has a gradient
 * (0 when the output does not depend on it): all its Values sit below the output on the tape.
 */
export function gradProgram(arena: MemoryArena, source: string | Program): GradResult {
  const result = evaluateProgram(arena, source);
  backward(arena, result.bindings.get(result.output) as Value);
  const entries = [...result.bindings];
  return {
    output: result.output,
    values: Object.fromEntries(entries.map(([name, v]) => [name, getValue(arena, v)])),
    grads: Object.fromEntries(entries.map(([name, v]) => [name, getGrad(arena, v)])),
  };
}
