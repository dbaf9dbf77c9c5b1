/**
 * The program's parse error as a CodeMirror diagnostic, pushed from the store (the session
 * parses once typing pauses; nothing here parses again).
 */
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import {
  findClusterBreak,
  type EditorState,
  type Text,
  type TransactionSpec,
} from '@codemirror/state';
import type { ExpressionProblem } from '../../store/viewSlice';

const WORD = /[A-Za-z0-9_.]/;

/**
 * The diagnostic for `problem` in `doc`: from its 1-based line and column, over the name or
 * number that starts there (else one character). A column past the end of the line marks
 * the line's end (an empty range, drawn as a point); a line past the end, the last line.
 */
export function diagnosticFor(doc: Text, problem: ExpressionProblem): Diagnostic {
  const line = doc.line(Math.min(Math.max(1, problem.line), doc.lines));
  const from = Math.min(line.from + Math.max(0, problem.column - 1), line.to);
  let to = from;
  if (WORD.test(line.text.charAt(from - line.from))) {
    while (WORD.test(line.text.charAt(to - line.from))) to++;
  } else if (to < line.to) to = line.from + findClusterBreak(line.text, from - line.from);
  return {
    from,
    to,
    severity: 'error',
    source: `line ${problem.line}, column ${problem.column}`,
    message: problem.message,
  };
}

/** The transaction that shows `problem` (or clears the diagnostics when null). */
export function showProblem(
  state: EditorState,
  problem: ExpressionProblem | null,
): TransactionSpec {
  return setDiagnostics(state, problem ? [diagnosticFor(state.doc, problem)] : []);
}
