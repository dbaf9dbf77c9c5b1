import { forEachDiagnostic } from '@codemirror/lint';
import { EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { ExpressionError, parseProgram } from '../../src/core';
import { diagnosticFor, showProblem } from '../../src/ui/code/programDiagnostics';

/** The store's problem for a malformed `source`, as the session writes it. */
function problemOf(source: string) {
  try {
    parseProgram(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { message: error.reason, line: error.line, column: error.column };
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
}

const marked = (source: string, line: number, column: number) => {
  const d = diagnosticFor(Text.of(source.split('\n')), { message: 'm', line, column });
  return { from: d.from, to: d.to, text: source.slice(d.from, d.to) };
};

describe('a program error as a CodeMirror diagnostic', () => {
  it.each([
    // [program, what the diagnostic covers]
    ['x = 1\ny = x * )', ')'],
    ['y = q', 'q'],
    ['x = 1\ny = x + q\nq = 2', 'q'],
    ['x = 1; y = foo(x)', 'foo'],
    ['y = 2x', 'x'],
    ['y = 1\n\tz = y @ 2', '@'],
    ['y = 3 ^ 2', '^'],
    ['y = 1e999', '1e999'],
    ['y = 1 +\nz = 2', ''], // at the end of the line: a point
    ['y = (1 + 2', ''], // at the end of the program
  ])('%j: at the error’s line and column, over %j', (source, covered) => {
    const problem = problemOf(source);
    const doc = Text.of(source.split('\n'));
    const d = diagnosticFor(doc, problem);
    const line = doc.line(problem.line);
    expect(d.from).toBe(Math.min(line.from + problem.column - 1, line.to));
    expect(doc.sliceString(d.from, d.to)).toBe(covered);
    expect(d).toMatchObject({ severity: 'error', message: problem.message });
    expect(d.source).toBe(`line ${problem.line}, column ${problem.column}`);
  });

  it('one character, not half of one, outside names and numbers', () => {
    expect(marked('y = 1 \u{1F600} 2', 1, 7).text).toBe('\u{1F600}');
    expect(marked('y = (1 2)', 1, 8).text).toBe('2');
    expect(marked('y = 1 + 2)', 1, 10).text).toBe(')');
  });

  it('stays inside the document when the text changed under an older error', () => {
    expect(marked('a = 1', 3, 9)).toEqual({ from: 5, to: 5, text: '' });
    expect(marked('a = 1\nb', 2, 40)).toEqual({ from: 7, to: 7, text: '' });
    expect(marked('a = 1', 0, 0)).toEqual({ from: 0, to: 1, text: 'a' });
  });

  it('is set and cleared through the lint state, with no linter that parses again', () => {
    const source = 'x = 1\ny = x * )';
    let state = EditorState.create({ doc: source });
    state = state.update(showProblem(state, problemOf(source))).state;
    const seen: [number, number, string][] = [];
    forEachDiagnostic(state, (d, from, to) => seen.push([from, to, d.message]));
    expect(seen).toEqual([[14, 15, problemOf(source).message]]);
    state = state.update(showProblem(state, null)).state;
    let left = 0;
    forEachDiagnostic(state, () => left++);
    expect(left).toBe(0);
  });
});
