import { useMemo, type Ref } from 'react';
import { EXERCISES, arenaAnswer, type ArenaExercise, type Exercise } from '../../core/exercises';
import { useAppStore } from '../../store/appStore';
import { AnswerForm } from './AnswerForm';
import { useExercises } from './exerciseStore';
import { addressText } from './numbers';
import { playgroundLayout } from './playgroundLayout';
import { ProgramCheckView } from './ProgramCheckView';

/** Whether `program` is an exercise's own text (a starter or a given program), not the learner's. */
function isExerciseText(program: string): boolean {
  return EXERCISES.some((e) => (e.kind === 'program' ? e.starter : e.program) === program);
}

/**
 * The open exercise: what to compute; a button that loads its starter (or given) program into
 * the playground — the learner's own program is kept, and "my program back" restores it —; then
 * "check" and one verdict per component; where its golden numbers come from, last.
 */
export function ExerciseCard({
  exercise,
  onClose,
  ref,
}: {
  exercise: Exercise;
  /** Closes the exercise (the panel puts the focus back on its button). */
  onClose: () => void;
  ref?: Ref<HTMLElement>;
}) {
  const options = useAppStore((s) => s.arenaOptions);
  const layout = useMemo(() => playgroundLayout(options), [options]);
  const saved = useExercises((s) => s.saved);
  const load = (): void => {
    const app = useAppStore.getState();
    const text = exercise.kind === 'program' ? exercise.starter : exercise.program;
    if (app.program === text) return;
    if (!isExerciseText(app.program)) useExercises.getState().save(app.program);
    app.setProgram(text);
  };
  const restore = (): void => {
    if (saved === null) return;
    useAppStore.getState().setProgram(saved);
    useExercises.getState().save(null);
  };
  const loadButtons = (
    <>
      <button
        type="button"
        data-testid="exercise-load"
        title="Put this exercise's program in the editor (yours is kept: “my program back” restores it)"
        onClick={load}
      >
        {exercise.kind === 'program' ? 'Load starter' : 'Load program'}
      </button>
      {saved !== null && (
        <button
          type="button"
          data-testid="exercise-restore"
          title="Put back the program you had before loading an exercise's"
          onClick={restore}
        >
          My program back
        </button>
      )}
    </>
  );
  const index = EXERCISES.indexOf(exercise) + 1;
  return (
    <section
      ref={ref}
      className="exercise-card"
      data-testid="exercise-card"
      data-exercise={exercise.id}
      aria-labelledby="exercise-title"
    >
      <header>
        <h3 id="exercise-title">
          <span className="exercise-count">
            {index} of {EXERCISES.length}
          </span>{' '}
          {exercise.title}
        </h3>
        <button
          type="button"
          className="exercise-close"
          data-testid="exercise-close"
          aria-label="Close the exercise"
          title="Close the exercise (your program stays)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <p className="exercise-task">{exercise.task}</p>
      {exercise.kind === 'program' ? (
        <>
          <ProgramCheckView exercise={exercise} layout={layout} loadButtons={loadButtons} />
          <p className="exercise-source">
            Golden numbers:{' '}
            <a
              href={exercise.source.url}
              target="_blank"
              rel="noreferrer"
              title={exercise.source.title}
            >
              {exercise.source.short}
            </a>
            , {exercise.source.where}.
          </p>
        </>
      ) : (
        <>
          <ArenaFacts exercise={exercise} layout={layout} />
          <div className="exercise-actions">{loadButtons}</div>
          <AnswerForm exercise={exercise} layout={layout} />
        </>
      )}
    </section>
  );
}

/** An arena exercise's program and where the scratch arena starts (both from the engine). */
function ArenaFacts({
  exercise,
  layout,
}: {
  exercise: ArenaExercise;
  layout: ReturnType<typeof playgroundLayout>;
}) {
  const base = useMemo(() => arenaAnswer(exercise, layout).scratchBase, [exercise, layout]);
  return (
    <>
      <pre className="exercise-program" aria-label="the exercise's program">
        {exercise.program}
      </pre>
      <p>
        In the playground the scratch arena starts at <code>{addressText(base)}</code>.
      </p>
    </>
  );
}
