/**
 * The lexer: source text to tokens, each with its 1-based line and column. `#` starts a
 * comment that runs to the end of the line. Statements end at `;` or a new line.
 */
import { ExpressionError } from '../errors';

/** Kinds of token. `end` is a statement separator: `;` or a new line. */
export type TokenKind = 'number' | 'name' | 'operator' | 'end' | 'eof';

/** One token. `text` is the exact source text (`\n` for a new line, `''` at the end). */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** The value of a number token (0 for others). */
  readonly value: number;
  readonly line: number;
  readonly column: number;
}

/** Operators, longest first so that `**` wins over `*` and `+=` over `+`. */
const OPERATORS = ['**', '+=', '-=', '*=', '/=', '+', '-', '*', '/', '(', ')', ',', '='];

const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=']);

/** Whether `token` is the operator `text`. */
export const isOperator = (token: Token, text: string): boolean =>
  token.kind === 'operator' && token.text === text;

/** Whether `token` is `=` or a compound assignment such as `+=`. */
export const isAssignment = (token: Token): boolean =>
  token.kind === 'operator' && ASSIGNMENTS.has(token.text);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isNameStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNamePart = (c: string): boolean => isNameStart(c) || isDigit(c);

/**
 * A name or a number as an error message repeats it: whole up to 24 characters, else its first
 * 20 and '…', so that a 100,000-character name still gives a message of one line.
 */
export function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 20)}…` : text;
}

/** How a token reads in an error message: `')'`, `the name 'x'`, `the end of the line`. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'number':
      return `the number ${shorten(token.text)}`;
    case 'name':
      return `the name '${shorten(token.text)}'`;
    case 'eof':
      return 'the end of the program';
    case 'end':
      return token.text === ';' ? "';'" : 'the end of the line';
    default:
      return `'${token.text}'`;
  }
}

/** A character as an error message shows it: itself if printable, else its code point. */
function showCharacter(source: string, at: number): string {
  const code = source.codePointAt(at) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${String.fromCodePoint(code)}'`;
}

/** Splits `source` into tokens, ending with one `eof` token. Throws {@link ExpressionError}. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const fail = (reason: string, at: number): never => {
    throw new ExpressionError(reason, line, at - lineStart + 1);
  };
  const push = (kind: TokenKind, start: number, end: number, value = 0): void => {
    tokens.push({
      kind,
      text: source.slice(start, end),
      value,
      line,
      column: start - lineStart + 1,
    });
  };
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '\n') {
      push('end', i, i + 1);
      i++;
      line++;
      lineStart = i;
    } else if (c === ';') {
      push('end', i, i + 1);
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      const end = scanNumber(source, i, fail);
      const value = Number(source.slice(i, end));
      if (!Number.isFinite(value)) {
        const text = shorten(source.slice(i, end));
        fail(`the number ${text} is too big: numbers must stay below about 1.8e308`, i);
      }
      push('number', i, end, value);
      i = end;
    } else if (isNameStart(c)) {
      let end = i + 1;
      while (end < source.length && isNamePart(source[end])) end++;
      push('name', i, end);
      i = end;
    } else {
      const operator = OPERATORS.find((op) => source.startsWith(op, i));
      if (operator === undefined) fail(unexpectedCharacter(source, i), i);
      else {
        push('operator', i, i + operator.length);
        i += operator.length;
      }
    }
  }
  push('eof', i, i);
  return tokens;
}

/** Why a character cannot start a token, with a hint for the usual mistakes. */
function unexpectedCharacter(source: string, at: number): string {
  const c = source[at];
  if (c === '.') {
    return "unexpected '.': write numbers like 0.5, and call functions like relu(x), not x.relu()";
  }
  if (c === '^') return "'^' is not an operator here: write x**2 for x squared";
  return (
    `unexpected character ${showCharacter(source, at)}: a program uses names, numbers, ` +
    `+ - * / ** ( ) , = ; and new lines`
  );
}

/**
 * The end of the number starting at `start`: digits, an optional fraction and an optional
 * exponent (`1e-3`). A letter or a second `.` right after it is an error.
 */
function scanNumber(source: string, start: number, fail: (r: string, at: number) => never): number {
  let i = start;
  while (isDigit(source[i] ?? '')) i++;
  if (source[i] === '.') {
    i++;
    while (isDigit(source[i] ?? '')) i++;
  }
  if (source[i] === 'e' || source[i] === 'E') {
    let j = i + 1;
    if (source[j] === '+' || source[j] === '-') j++;
    if (isDigit(source[j] ?? '')) {
      while (isDigit(source[j] ?? '')) j++;
      i = j;
    } else if (j > i + 1 || !isNamePart(source[j] ?? '')) {
      fail(
        `expected digits after '${shorten(source.slice(start, j))}': an exponent looks like 1e-3`,
        j,
      );
    }
  }
  const next = source[i] ?? '';
  if (next === '.') fail(`a number cannot have a second decimal point`, i);
  if (isNamePart(next)) {
    fail(
      `a number cannot run into a name: write ${shorten(source.slice(start, i))}*${next}… to ` +
        'multiply',
      i,
    );
  }
  return i;
}
