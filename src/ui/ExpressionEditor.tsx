import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/appStore';
import { ProgramEditor } from './code/ProgramEditor';
import { ExercisesPanel } from './exercises/ExercisesPanel';

const LABEL_ID = 'expression-label';
const ERROR_ID = 'expression-problem';

/**
 * The playground's program in a CodeMirror editor (`data-testid="expression"` on its editable
 * element), and its error twice: a diagnostic at the line and column in the editor, and the
 * box below with the line and a caret under the column, in words.
 */
export function ExpressionEditor() {
  const program = useAppStore((s) => s.program);
  const problem = useAppStore((s) => s.expressionError);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<ProgramEditor | null>(null);
  useEffect(() => {
    if (!host.current) return;
    const made = new ProgramEditor(host.current, {
      doc: useAppStore.getState().program,
      onEdit: (text) => useAppStore.getState().setProgram(text),
      contentAttributes: { 'data-testid': 'expression', 'aria-labelledby': LABEL_ID },
      errorId: ERROR_ID,
    });
    editor.current = made;
    return () => {
      editor.current = null;
      made.destroy();
    };
  }, []);
  useEffect(() => editor.current?.setText(program), [program]);
  useEffect(() => editor.current?.showProblem(problem), [problem]);
  const line = problem ? (program.split('\n')[problem.line - 1] ?? '') : '';
  return (
    <div className="editor">
      {/* A label for a text box that is not a form control: a click on it focuses the editor. */}
      <span id={LABEL_ID} onClick={() => editor.current?.focus()}>
        Program{' '}
        <small>
          (names, + − * / **, relu tanh exp log sigmoid sin cos; last line is the output)
        </small>
      </span>
      <div className="editor-host" ref={host} data-invalid={problem !== null} />
      {problem && (
        <div
          id={ERROR_ID}
          className="expression-error"
          data-testid="expression-error"
          role="alert"
          data-line={problem.line}
          data-column={problem.column}
        >
          <strong>
            line {problem.line}, column {problem.column}:
          </strong>{' '}
          {problem.message}
          <pre>
            {line}
            {'\n'}
            {' '.repeat(Math.max(0, problem.column - 1))}^
          </pre>
          <small>The graph shows the last program that worked.</small>
        </div>
      )}
      <ExercisesPanel />
    </div>
  );
}
