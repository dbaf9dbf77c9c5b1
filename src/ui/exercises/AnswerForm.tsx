import { useState, type FormEvent } from 'react';
import {
  arenaAnswer,
  gradeAnswer,
  type ArenaExercise,
  type PlaygroundLayout,
} from '../../core/exercises';
import { useExercises } from './exerciseStore';
import { addressText, fullNumber } from './numbers';
import { VerdictList } from './VerdictList';

/**
 * An arena exercise's answer: a number field (decimal or hex; Enter checks) and its verdict,
 * with the engine's working once the learner has answered.
 */
export function AnswerForm({
  exercise,
  layout,
}: {
  exercise: ArenaExercise;
  layout: PlaygroundLayout;
}) {
  const check = useExercises((s) => s.checks[exercise.id]);
  const answered = check?.kind === 'answer' ? check : null;
  const [text, setText] = useState(answered?.text ?? '');
  const bytes = exercise.question.kind === 'bytes';
  const label =
    exercise.question.kind === 'bytes' ? 'bytes' : `address of ${exercise.question.name}`;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (text.trim() === '') return;
    const verdict = gradeAnswer(arenaAnswer(exercise, layout), label, text);
    useExercises.getState().record(exercise.id, { kind: 'answer', text, verdict });
  };
  return (
    <form className="exercise-answer" onSubmit={submit}>
      <label>
        Your answer ({bytes ? 'bytes' : 'an address'}){' '}
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          data-testid="exercise-answer"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" data-testid="exercise-check">
        Check
      </button>
      <div className="exercise-result" aria-live="polite">
        {answered && (
          <VerdictList verdicts={[answered.verdict]} show={bytes ? fullNumber : addressText} />
        )}
      </div>
    </form>
  );
}
