import { useAppStore } from '../store/appStore';

/** The playground's program, and its error pointed at the right line and column. */
export function ExpressionEditor() {
  const program = useAppStore((s) => s.program);
  const setProgram = useAppStore((s) => s.setProgram);
  const problem = useAppStore((s) => s.expressionError);
  const line = problem ? (program.split('\n')[problem.line - 1] ?? '') : '';
  return (
    <div className="editor">
      <label htmlFor="expression-source">
        Program{' '}
        <small>(names, + − * / **, relu tanh exp log sigmoid; last line is the output)</small>
      </label>
      <textarea
        id="expression-source"
        data-testid="expression"
        spellCheck={false}
        value={program}
        onChange={(e) => setProgram(e.target.value)}
        aria-invalid={problem !== null}
      />
      {problem && (
        <div
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
    </div>
  );
}
