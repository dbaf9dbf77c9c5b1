import { useEffect, useRef, useState, type ReactNode } from 'react';
import { checkProgram, type PlaygroundLayout, type ProgramExercise } from '../../core/exercises';
import { useAppStore } from '../../store/appStore';
import { useExercises } from './exerciseStore';
import { RefereeHint } from './RefereeHint';
import { VerdictList } from './VerdictList';

/**
 * A program exercise's actions (load, check, the referee's hint) and its last check: how many
 * components are right, a note when the program changed since, why it could not be graded,
 * then one verdict per component.
 */
export function ProgramCheckView({
  exercise,
  layout,
  loadButtons,
}: {
  exercise: ProgramExercise;
  layout: PlaygroundLayout;
  loadButtons: ReactNode;
}) {
  const program = useAppStore((s) => s.program);
  const check = useExercises((s) => s.checks[exercise.id]);
  const [hint, setHint] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const graded = check?.kind === 'program' ? check : null;
  useEffect(() => {
    result.current?.scrollIntoView({ block: 'nearest' });
  }, [graded]);
  const run = (): void => {
    const checked = useAppStore.getState().program;
    const grade = checkProgram(exercise, checked, layout);
    useExercises.getState().record(exercise.id, { kind: 'program', program: checked, grade });
  };
  const right = graded?.grade.verdicts.filter((v) => v.right).length ?? 0;
  const total = exercise.components.length;
  return (
    <>
      <div className="exercise-actions">
        {loadButtons}
        <button
          type="button"
          data-testid="exercise-check"
          title="Grade the program in the editor, one verdict per component"
          onClick={run}
        >
          Check
        </button>
        <button
          type="button"
          data-testid="exercise-hint"
          aria-expanded={hint}
          title="The finite-difference referee on your program: forward against central difference"
          onClick={() => setHint((shown) => !shown)}
        >
          Hint
        </button>
      </div>
      <div className="exercise-result" aria-live="polite" ref={result}>
        {graded && (
          <p className="exercise-summary" data-testid="exercise-summary">
            {right === total ? `All ${total} right.` : `${right} of ${total} right.`}
          </p>
        )}
        {graded && graded.program !== program && (
          <p className="exercise-stale" data-testid="exercise-stale">
            Your program changed since this check: check again.
          </p>
        )}
        {graded?.grade.problem && (
          <p className="exercise-problem" data-testid="exercise-problem">
            {graded.grade.problem}
          </p>
        )}
        {graded && <VerdictList verdicts={graded.grade.verdicts} />}
      </div>
      {hint && <RefereeHint exercise={exercise} program={program} layout={layout} />}
    </>
  );
}
