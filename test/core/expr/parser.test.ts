import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  MAX_NESTING,
  createRandom,
  parseProgram,
  type Expr,
} from '../../../src/core';

/** The error `parseProgram(source)` throws (fails the test if it parses). */
function parseError(source: string): ExpressionError {
  try {
    parseProgram(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
}

/** A compact, fully parenthesised rendering of a tree, to check its shape. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'name':
      return e.name;
    case 'negate':
      return `(-${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'power':
      return `(${show(e.base)} ** ${e.power})`;
    case 'call':
      return `${e.name}(${show(e.argument)})`;
  }
}

const lastExpr = (source: string): string => {
  const { statements } = parseProgram(source);
  return show(statements[statements.length - 1].expr);
};

describe('parseProgram: shape and precedence', () => {
  it.each([
    ['y = 2*3+4', '((2 * 3) + 4)'],
    ['y = (1+2)*3', '((1 + 2) * 3)'],
    ['y = 2-3-4', '((2 - 3) - 4)'],
    ['y = 8/4/2', '((8 / 4) / 2)'],
    ['x = 1; y = -x**2', '(-(x ** 2))'],
    ['y = -2**2', '(-(2 ** 2))'],
    ['y = 2**3**2', '(2 ** 9)'],
    ['y = 2**-1', '(2 ** -1)'],
    ['y = (-2)**2', '(-2 ** 2)'],
    ['x = 1; y = x**(1/3)', '(x ** 0.3333333333333333)'],
    ['x = 1; y = pow(x, 2*2)', '(x ** 4)'],
    ['x = 1; y = -x', '(-x)'],
    ['x = 1; y = +x', 'x'],
    ['x = 1; y = - -x', '(-(-x))'],
    ['y = -4', '-4'],
    ['x = 1; y = relu(x) + tanh(x*2)', '(relu(x) + tanh((x * 2)))'],
    ['y = 1.5e-3 + .5 + 2. + 3E2', '(((0.0015 + 0.5) + 2) + 300)'],
    ['c = 1; c += c + 1', '(c + (c + 1))'],
    ['c = 1; c *= 2 + 3', '(c * (2 + 3))'],
  ])('%s parses as %s', (source, expected) => {
    expect(lastExpr(source)).toBe(expected);
  });

  it('splits statements on ; and new lines, allows blank ones and comments', () => {
    const { statements } = parseProgram('\n; x = 1;;\r\n# a comment\n  y = x * 2 # twice\n\n');
    expect(statements.map((s) => [s.name, s.line, s.column])).toEqual([
      ['x', 2, 3],
      ['y', 4, 3],
    ]);
  });

  it('records 1-based positions: operators at the operator, calls at the name', () => {
    const [, y] = parseProgram('x = 1\ny = relu(x) + 3').statements;
    expect(y.expr).toMatchObject({ kind: 'binary', op: '+', line: 2, column: 13 });
    expect(y.expr.kind === 'binary' && y.expr.left).toMatchObject({ kind: 'call', column: 5 });
    expect(y.expr.kind === 'binary' && y.expr.right).toMatchObject({ kind: 'number', column: 15 });
  });
});

// [program, line, column, a phrase the reason must contain]
const MALFORMED: [string, number, number, string][] = [
  ['', 1, 1, 'the program is empty'],
  [' ;\n ; # nothing\n', 1, 1, 'the program is empty'],
  ['x = 1\ny = x * )', 2, 9, "expected a number, a name or '(' after '*', found ')'"],
  ['y = ', 1, 5, "after '=', found the end of the program"],
  ['y = 1 +\nz = 2', 1, 8, "after '+', found the end of the line"],
  ['y = (1 + 2', 1, 11, "expected ')' to close the '(' at 1:5"],
  ['y = ((1)', 1, 9, "to close the '(' at 1:5"],
  ['y = (1 2)', 1, 8, "to multiply, write '*'"],
  ['y = 1 + 2)', 1, 10, "unmatched ')'"],
  ['y = 2 3', 1, 7, "expected an operator, ';' or a new line after the expression"],
  ['x = 1; y = 2 x', 1, 14, "to multiply, write '*'"],
  ['y = 1 = 2', 1, 7, "unexpected '='"],
  ['y = q', 1, 5, "'q' is not defined yet: assign it before using it"],
  ['x = 1\ny = x + q\nq = 2', 2, 9, 'assigned later in the program, at 3:1'],
  ['y = y + 1', 1, 5, 'this statement is the first to assign it'],
  ['c += 1', 1, 1, "'c' is not defined yet"],
  ['x = 1; n = 2; y = x ** n', 1, 24, 'the exponent of ** must be a constant number'],
  ['x = 1; y = x ** (2 + x)', 1, 22, "'x' is a Value"],
  ['x = 1; y = pow(x, x)', 1, 19, 'the exponent of pow(x, n) must be a constant number'],
  ['x = 1; y = x ** (1/0)', 1, 17, 'works out to Infinity'],
  ['x = 1; y = foo(x)', 1, 12, "unknown function 'foo'"],
  ['x = 1; y = x(2)', 1, 12, "'x' is a name, not a function"],
  ['x = 1; y = relu(x, x)', 1, 12, 'relu takes 1 argument, but 2 were given'],
  ['y = exp()', 1, 5, 'exp takes 1 argument, but none was given'],
  ['y = pow(2)', 1, 5, 'pow takes 2 arguments'],
  ['y = relu(1', 1, 11, "expected ',' or ')' in the call to relu( opened at 1:9"],
  ['y = relu(1,)', 1, 12, "after ','"],
  ['y = relu + 1', 1, 5, "'relu' is a function: call it"],
  ['relu = 2', 1, 1, "'relu' is the name of a function"],
  ['x 2', 1, 3, "expected '=' after 'x', found the number 2"],
  ['y = 1\nx', 2, 2, "expected '=' after 'x', found the end of the program"],
  ['x = 1; 2*x', 1, 8, 'this statement is an expression without a name'],
  ['x = 1\n-x', 2, 1, 'expression without a name'],
  ['x = 1; x + 1 = 3', 1, 8, "the left side of '=' must be a single name"],
  ['= 3', 1, 1, "missing name before '='"],
  ['* 3', 1, 1, 'a statement starts with the name it assigns'],
  ['y = 1e999', 1, 5, 'the number 1e999 is too big'],
  ['y = 1e', 1, 7, "expected digits after '1e'"],
  ['y = 1e+', 1, 8, "expected digits after '1e+'"],
  ['y = 1.2.3', 1, 8, 'a second decimal point'],
  ['y = 2x', 1, 6, 'a number cannot run into a name: write 2*x'],
  ['y = 1\n\tz = y @ 2', 2, 8, "unexpected character '@'"],
  ['y = 3 ^ 2', 1, 7, "'^' is not an operator here"],
  ['x = 1; y = x.relu()', 1, 13, 'not x.relu()'],
  ['y = 1 \u0007', 1, 7, 'U+0007'],
  ['y = **2', 1, 5, "after '=', found '**'"],
  ['y = 2 ** * 3', 1, 10, "after '**', found '*'"],
  ['y = ()', 1, 6, "after '(', found ')'"],
  ['y = 1, 2', 1, 6, "found ','"],
];

describe('parseProgram: malformed programs get a positioned reason', () => {
  it('covers many kinds of mistakes', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(25);
  });

  it.each(MALFORMED)('%j -> %i:%i', (source, line, column, phrase) => {
    const error = parseError(source);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.reason).toContain(phrase);
    expect(error.reason).not.toContain('\n');
    expect(error.message).toBe(`${line}:${column}: ${error.reason}`);
  });
});

/** A 100,000-character name, and how messages show it: its first 20 characters and '…'. */
const LONG = `long_name_${'x'.repeat(100_000 - 10)}`;
const CUT = `long_name_${'x'.repeat(10)}…`;
const DIGITS = `0.${'0'.repeat(100_000)}1`;

// Every error that quotes a name or a number, with the name or number 100,000 characters long.
const LONG_TOKENS: [string, number, number, string][] = [
  [`y = ${LONG} + 1`, 1, 5, `'${CUT}' is not defined yet`],
  [
    `y = ${LONG}\n${LONG} = 1`,
    1,
    5,
    `'${CUT}' is not defined yet: assign it before using it (it is assigned later in the program, at 2:1)`,
  ],
  [`${LONG} += 1`, 1, 1, `'${CUT}' is not defined yet: \`${CUT} += …\``],
  [
    `${LONG} = 1; y = ${LONG}(2)`,
    1,
    100_011,
    `'${CUT}' is a name, not a function: to multiply, write ${CUT}*(…)`,
  ],
  [`y = ${LONG}(2)`, 1, 5, `unknown function '${CUT}'`],
  [`${LONG} 2`, 1, 100_002, `expected '=' after '${CUT}', found the number 2`],
  [`x = 1; ${LONG} = 2; y = x ** ${LONG}`, 1, 100_023, `'${CUT}' is a Value`],
  [`x = 1; y = 2 ${LONG}`, 1, 14, `found the name '${CUT}' (to multiply, write '*')`],
  [`y = 1 ${DIGITS}`, 1, 7, `found the number ${DIGITS.slice(0, 20)}…`],
  [`y = ${DIGITS}x`, 1, 100_008, `write ${DIGITS.slice(0, 20)}…*x… to multiply`],
  [`y = ${DIGITS}e`, 1, 100_009, `expected digits after '${DIGITS.slice(0, 20)}…'`],
  [`y = 1${'0'.repeat(100_000)}`, 1, 5, `the number 1${'0'.repeat(19)}… is too big`],
];

describe('parseProgram: a 100,000-character name or number gives a short message', () => {
  const cases = LONG_TOKENS.map(([source, l, c, phrase]) => [phrase, l, c, source] as const);
  it.each(cases)('%s (at %i:%i)', (phrase, l, c, source) => {
    const error = parseError(source);
    expect(error.message).toMatch(new RegExp(`^${l}:${c}: `));
    expect(error.reason).toContain(phrase);
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('parseProgram: large and hostile inputs', () => {
  it('parses a chain of 100,000 statements', () => {
    const lines = ['x0 = 1'];
    for (let k = 1; k < 100_000; k++) lines.push(`x${k} = x${k - 1} + 1`);
    const { statements } = parseProgram(lines.join('\n'));
    expect(statements).toHaveLength(100_000);
    expect(statements[99_999]).toMatchObject({ name: 'x99999', line: 100_000, column: 1 });
  });

  it('parses a sum of 100,000 terms (a tree 100,000 levels deep) without recursion', () => {
    const { statements } = parseProgram(`y = 1${' + 1'.repeat(99_999)}`);
    let depth = 0;
    for (let e: Expr = statements[0].expr; e.kind === 'binary'; e = e.left) depth++;
    expect(depth).toBe(99_999);
  });

  it(`accepts nesting below ${MAX_NESTING} levels and rejects deeper nesting with a position`, () => {
    expect(lastExpr(`y = ${'('.repeat(400)}7${')'.repeat(400)}`)).toBe('7');
    const parens = parseError(`y = ${'('.repeat(1000)}1${')'.repeat(1000)}`);
    // '(' number k sits at column 4 + k; the 501st would be the 501st level of nesting.
    expect([parens.line, parens.column]).toEqual([1, 4 + MAX_NESTING + 1]);
    expect(parens.reason).toContain('nested too deeply');
    const signs = parseError(`x = 1\ny = ${'-'.repeat(100_000)}x`);
    expect([signs.line, signs.column]).toEqual([2, 4 + MAX_NESTING + 1]);
    const powers = parseError(`y = 1${' ** 1'.repeat(10_000)}`);
    expect(powers.reason).toContain('nested too deeply');
    const calls = parseError(`y = ${'relu('.repeat(5000)}1${')'.repeat(5000)}`);
    expect(calls.reason).toContain('nested too deeply');
  });

  it('never throws anything but a positioned ExpressionError on random programs', () => {
    const pieces = [
      'x',
      'y',
      'z',
      '=',
      '+',
      '-',
      '*',
      '/',
      '**',
      '(',
      ')',
      ',',
      ';',
      '\n',
      '1',
      '2.5',
      'relu',
      'pow',
      ' ',
      '+=',
      '.',
      'e',
      '3e',
      '#',
      '@',
    ];
    const random = createRandom(7);
    let rejected = 0;
    for (let n = 0; n < 3000; n++) {
      let source = 'x = 1\n';
      const length = 1 + Math.floor(random.next() * 12);
      for (let k = 0; k < length; k++) source += pieces[Math.floor(random.next() * pieces.length)];
      try {
        parseProgram(source);
      } catch (error) {
        expect(error).toBeInstanceOf(ExpressionError);
        const { line, column, reason } = error as ExpressionError;
        const lines = source.split('\n');
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(lines.length);
        expect(column).toBeGreaterThanOrEqual(1);
        expect(column).toBeLessThanOrEqual(lines[line - 1].length + 1);
        expect(reason.length).toBeGreaterThan(10);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});
