/** Diagnoses for statements that are not assignments, worded for students. */
import type { Position } from './ast';
import { describeToken, isAssignment, isOperator, shorten, type Token } from './lexer';

/** Adds "to multiply, write '*'" when `token` could have been the second factor of a product. */
export function withMultiplyHint(token: Token, found: string): string {
  const factor = token.kind === 'number' || token.kind === 'name' || isOperator(token, '(');
  return factor ? `${found} (to multiply, write '*')` : found;
}

/** Why `token` cannot follow a complete expression. */
export function unexpectedAfterExpression(token: Token): string {
  if (isOperator(token, ')')) return "unmatched ')': there is no '(' before it for it to close";
  if (isAssignment(token)) {
    return (
      `unexpected '${token.text}': a statement assigns one expression to one name, ` +
      'like `y = 2*x`'
    );
  }
  const found = withMultiplyHint(token, describeToken(token));
  return `expected an operator, ';' or a new line after the expression, found ${found}`;
}

const startsExpression = (token: Token): boolean =>
  token.kind === 'number' ||
  token.kind === 'name' ||
  isOperator(token, '(') ||
  isOperator(token, '-') ||
  isOperator(token, '+');

/**
 * Why the statement starting at `tokens[at]` is not `name = expression`: a missing name, a
 * missing '=', a left side that is not one name, or an expression that names nothing.
 */
export function notAnAssignment(tokens: Token[], at: number): { reason: string; at: Position } {
  const start = tokens[at];
  const next = tokens[at + 1];
  if (isAssignment(start)) {
    return {
      reason: `missing name before '${start.text}': a statement looks like \`y = 2*x\``,
      at: start,
    };
  }
  let end = at;
  while (tokens[end].kind !== 'end' && tokens[end].kind !== 'eof') end++;
  const assignment = tokens.slice(at, end).find(isAssignment);
  if (assignment !== undefined) {
    return {
      reason: `the left side of '${assignment.text}' must be a single name, like \`y = …\``,
      at: start,
    };
  }
  const name = shorten(start.text);
  if (
    start.kind === 'name' &&
    (next.kind === 'end' || next.kind === 'eof' || next.kind === 'number' || next.kind === 'name')
  ) {
    return {
      reason:
        `expected '=' after '${name}', found ${describeToken(next)}: a statement ` +
        `assigns an expression to a name, like \`${name} = 2\``,
      at: next,
    };
  }
  if (startsExpression(start)) {
    return {
      reason:
        'this statement is an expression without a name: assign its result to a name, ' +
        'like `y = …`',
      at: start,
    };
  }
  return {
    reason: `a statement starts with the name it assigns, like \`y = 2*x\`, not with ${describeToken(start)}`,
    at: start,
  };
}
