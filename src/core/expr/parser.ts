/**
 * The parser: tokens to a {@link Program}, by recursive descent with Python's precedence.
 *
 *   program    := statement? (end statement?)*          end is ';' or a new line
 *   statement  := name ('=' | '+=' | '-=' | '*=' | '/=') sum
 *   sum        := product (('+' | '-') product)*
 *   product    := unary (('*' | '/') unary)*
 *   unary      := ('-' | '+') unary | power               so -a**2 is -(a**2)
 *   power      := primary ('**' unary)?                    right-associative: 2**3**2 = 2**9
 *   primary    := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 *
 * Names must be assigned before they are used, and exponents must be made of numbers only (the
 * parser folds them). Nesting is limited to {@link MAX_NESTING} levels, so no input can
 * overflow the stack; sums and products of any length are loops, not recursion.
 */
import { ExpressionError } from '../errors';
import type { Expr, Position, Program, Statement } from './ast';
import { FUNCTION_LIST, isFunctionName, isUnaryFunction } from './functions';
import { describeToken, isAssignment, isOperator, shorten, tokenize, type Token } from './lexer';
import { constantExponent } from './exponent';
import { notAnAssignment, unexpectedAfterExpression, withMultiplyHint } from './messages';

/** Deepest nesting of parentheses, signs, powers and calls a program may use. */
export const MAX_NESTING = 500;

/**
 * Parses a program. Throws {@link ExpressionError} with the 1-based line and column of the
 * first problem and a reason in plain words.
 */
export function parseProgram(source: string): Program {
  return new Parser(tokenize(source)).program();
}

const fail = (reason: string, at: Position): never => {
  throw new ExpressionError(reason, at.line, at.column);
};

class Parser {
  private at = 0;
  private depth = 0;
  private statementStart = 0;
  private readonly defined = new Set<string>();
  /** Token index of the statement that first assigns each name with `=`. */
  private readonly firstAssignment = new Map<string, number>();

  constructor(private readonly tokens: Token[]) {
    for (let k = 0; k + 1 < tokens.length; k++) {
      const startsStatement = k === 0 || tokens[k - 1].kind === 'end';
      if (startsStatement && tokens[k].kind === 'name' && isOperator(tokens[k + 1], '=')) {
        if (!this.firstAssignment.has(tokens[k].text)) this.firstAssignment.set(tokens[k].text, k);
      }
    }
  }

  program(): Program {
    const statements: Statement[] = [];
    for (;;) {
      while (this.peek().kind === 'end') this.at++;
      if (this.peek().kind === 'eof') break;
      statements.push(this.statement());
      const next = this.peek();
      if (next.kind !== 'end' && next.kind !== 'eof') fail(unexpectedAfterExpression(next), next);
    }
    if (statements.length === 0) {
      fail('the program is empty: write at least one assignment like `y = 2*x`', {
        line: 1,
        column: 1,
      });
    }
    return { statements };
  }

  private peek(): Token {
    return this.tokens[this.at];
  }

  private take(): Token {
    return this.tokens[this.at++];
  }

  private statement(): Statement {
    this.statementStart = this.at;
    const target = this.peek();
    const operator = this.tokens[this.at + 1];
    if (target.kind !== 'name' || !isAssignment(operator)) {
      const diagnosis = notAnAssignment(this.tokens, this.at);
      return fail(diagnosis.reason, diagnosis.at);
    }
    const name = target.text;
    const shown = shorten(name);
    if (isFunctionName(name)) {
      fail(
        `'${shown}' is the name of a function and cannot be assigned: choose another name`,
        target,
      );
    }
    if (operator.text !== '=' && !this.defined.has(name)) {
      fail(
        `'${shown}' is not defined yet: \`${shown} ${operator.text} …\` changes an existing ` +
          `name, so assign it with '=' first`,
        target,
      );
    }
    this.at += 2;
    let expr = this.sum();
    if (operator.text !== '=') {
      const left: Expr = { kind: 'name', name, line: target.line, column: target.column };
      const op = operator.text[0] as '+' | '-' | '*' | '/';
      expr = {
        kind: 'binary',
        op,
        left,
        right: expr,
        line: operator.line,
        column: operator.column,
      };
    }
    this.defined.add(name);
    return { name, expr, line: target.line, column: target.column };
  }

  private sum(): Expr {
    let left = this.product();
    for (;;) {
      const op = this.peek();
      if (!isOperator(op, '+') && !isOperator(op, '-')) return left;
      this.at++;
      const right = this.product();
      const kind = 'binary';
      left = { kind, op: op.text as '+' | '-', left, right, line: op.line, column: op.column };
    }
  }

  private product(): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      if (!isOperator(op, '*') && !isOperator(op, '/')) return left;
      this.at++;
      const right = this.unary();
      const kind = 'binary';
      left = { kind, op: op.text as '*' | '/', left, right, line: op.line, column: op.column };
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (++this.depth > MAX_NESTING) {
      fail(
        `this expression is nested too deeply (more than ${MAX_NESTING} levels of ` +
          `parentheses, signs, powers or calls): split it into several statements`,
        token,
      );
    }
    let result: Expr;
    if (isOperator(token, '-') || isOperator(token, '+')) {
      this.at++;
      const operand = this.unary();
      const at = { line: token.line, column: token.column };
      if (token.text === '+') result = operand;
      else if (operand.kind === 'number') result = { ...operand, value: -operand.value, ...at };
      else result = { kind: 'negate', operand, ...at };
    } else {
      result = this.power();
    }
    this.depth--;
    return result;
  }

  private power(): Expr {
    const base = this.primary();
    const op = this.peek();
    if (!isOperator(op, '**')) return base;
    this.at++;
    const start = this.peek();
    const exponent = this.unary();
    const power = constantExponent(exponent, start, '**');
    return { kind: 'power', base, exponent, power, line: op.line, column: op.column };
  }

  private primary(): Expr {
    const token = this.peek();
    if (token.kind === 'number') {
      this.at++;
      return { kind: 'number', value: token.value, line: token.line, column: token.column };
    }
    if (token.kind === 'name') {
      this.at++;
      if (isOperator(this.peek(), '(')) return this.call(token);
      this.checkUsable(token);
      return { kind: 'name', name: token.text, line: token.line, column: token.column };
    }
    if (isOperator(token, '(')) {
      this.at++;
      const inner = this.sum();
      const close = this.peek();
      if (!isOperator(close, ')')) {
        const found = withMultiplyHint(close, describeToken(close));
        fail(
          `expected ')' to close the '(' at ${token.line}:${token.column}, found ${found}`,
          close,
        );
      }
      this.at++;
      return inner;
    }
    const after = shorten(this.tokens[this.at - 1].text);
    return fail(
      `expected a number, a name or '(' after '${after}', found ${describeToken(token)}`,
      token,
    );
  }

  private call(nameToken: Token): Expr {
    const name = nameToken.text;
    if (!isFunctionName(name)) {
      const shown = shorten(name);
      fail(
        this.defined.has(name)
          ? `'${shown}' is a name, not a function: to multiply, write ${shown}*(…)`
          : `unknown function '${shown}': the functions are ${FUNCTION_LIST}`,
        nameToken,
      );
    }
    const open = this.take();
    const args: Expr[] = [];
    const starts: Token[] = [];
    if (!isOperator(this.peek(), ')')) {
      for (;;) {
        starts.push(this.peek());
        args.push(this.sum());
        if (!isOperator(this.peek(), ',')) break;
        this.at++;
      }
    }
    const close = this.peek();
    if (!isOperator(close, ')')) {
      const found = withMultiplyHint(close, describeToken(close));
      fail(
        `expected ',' or ')' in the call to ${name}( opened at ${open.line}:${open.column}, ` +
          `found ${found}`,
        close,
      );
    }
    this.at++;
    const wanted = name === 'pow' ? 2 : 1;
    if (args.length !== wanted) {
      const given =
        args.length === 0 ? 'none was' : args.length === 1 ? '1 was' : `${args.length} were`;
      const takes = wanted === 1 ? '1 argument' : '2 arguments, a base and a constant exponent';
      fail(`${name} takes ${takes}, but ${given} given`, nameToken);
    }
    const at = { line: nameToken.line, column: nameToken.column };
    if (!isUnaryFunction(name)) {
      const power = constantExponent(args[1], starts[1], 'pow(x, n)');
      return { kind: 'power', base: args[0], exponent: args[1], power, ...at };
    }
    return { kind: 'call', name, argument: args[0], ...at };
  }

  /** A name used as a value must be a variable assigned by an earlier statement. */
  private checkUsable(token: Token): void {
    const name = token.text;
    if (isFunctionName(name)) {
      fail(
        `'${name}' is a function: call it with its argument in parentheses, like ${name}(x)`,
        token,
      );
    }
    if (this.defined.has(name)) return;
    const first = this.firstAssignment.get(name);
    let note = '';
    if (first === this.statementStart) note = ' (this statement is the first to assign it)';
    else if (first !== undefined && first > this.statementStart) {
      const { line, column } = this.tokens[first];
      note = ` (it is assigned later in the program, at ${line}:${column})`;
    }
    fail(`'${shorten(name)}' is not defined yet: assign it before using it${note}`, token);
  }
}
