import type { KeyboardEvent, Ref } from 'react';
import { EXERCISES, type Exercise } from '../../core/exercises';
import { useExercises, type AnswerCheck, type ProgramCheck } from './exerciseStore';

/** Where the learner stands on an exercise, in words: not tried, not yet, or right. */
function status(check: ProgramCheck | AnswerCheck | undefined): string {
  if (!check) return '';
  const right =
    check.kind === 'program'
      ? check.grade.problem === null && check.grade.verdicts.every((v) => v.right)
      : check.verdict.right;
  return right ? '✓ right' : '✗ not yet';
}

/** What an exercise is answered with. */
function kindOf(exercise: Exercise): string {
  return exercise.kind === 'program' ? 'your program' : 'a number';
}

/**
 * The list of exercises, a native modal `<dialog>` (Esc closes it and the focus goes back);
 * each exercise (`data-testid="exercise"`) is a button that opens it; ↑ and ↓ (Home, End) move
 * between them, as Tab does.
 */
export function ExerciseList({
  ref,
  onChoose,
}: {
  ref: Ref<HTMLDialogElement>;
  onChoose: (id: string) => void;
}) {
  const checks = useExercises((s) => s.checks);
  const openId = useExercises((s) => s.openId);
  return (
    <dialog
      ref={ref}
      className="exercise-list"
      data-testid="exercise-list"
      aria-labelledby="exercise-list-title"
    >
      <h2 id="exercise-list-title">Exercises</h2>
      <p>
        Graded problems with published answers, checked against your own program in the playground:
        any program that computes it is right. Each one says what to compute.
      </p>
      <ol onKeyDown={moveFocus}>
        {EXERCISES.map((exercise) => (
          <li key={exercise.id}>
            <button
              type="button"
              data-testid="exercise"
              data-exercise={exercise.id}
              aria-current={exercise.id === openId ? 'true' : undefined}
              onClick={() => onChoose(exercise.id)}
            >
              <strong>{exercise.title}</strong>
              <span>
                answered with {kindOf(exercise)}
                {status(checks[exercise.id]) && ` · ${status(checks[exercise.id])}`}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <form method="dialog">
        <button type="submit">
          Close <kbd>Esc</kbd>
        </button>
      </form>
    </dialog>
  );
}

/** Opens the list with the focus on the open exercise (or the first). */
export function openExerciseList(dialog: HTMLDialogElement | null): void {
  if (!dialog || dialog.open) return;
  dialog.showModal();
  const current = dialog.querySelector<HTMLElement>('[aria-current="true"]');
  (current ?? dialog.querySelector<HTMLElement>('[data-testid="exercise"]'))?.focus();
}

/** ↑ ↓ Home End move the focus along the list's buttons. */
function moveFocus(event: KeyboardEvent<HTMLOListElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  const to: Record<string, number> = {
    ArrowDown: Math.min(at + 1, buttons.length - 1),
    ArrowUp: Math.max(at - 1, 0),
    Home: 0,
    End: buttons.length - 1,
  };
  if (at < 0 || !(event.key in to)) return;
  event.preventDefault();
  buttons[to[event.key]].focus();
}
