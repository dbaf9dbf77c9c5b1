import { useEffect, useRef } from 'react';
import { EXERCISES } from '../../core/exercises';
import { DrillsPanel } from '../drills/DrillsPanel';
import { useExercises } from './exerciseStore';
import { ExerciseCard } from './ExerciseCard';
import { ExerciseList, openExerciseList } from './ExerciseList';
import './exercises.css';

/**
 * The playground's exercises: a button (`data-testid="exercises"`) that opens the list, and the
 * open exercise below the program; beside the button, "Be the engine" (the drills). Choosing one from the list puts the focus on its first
 * button (load the starter), so the keyboard goes on from there.
 */
export function ExercisesPanel() {
  const list = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLElement>(null);
  const chosen = useRef(false);
  const openId = useExercises((s) => s.openId);
  const exercise = EXERCISES.find((e) => e.id === openId) ?? null;
  useEffect(() => {
    if (!chosen.current) return;
    chosen.current = false;
    card.current?.querySelector<HTMLElement>('[data-testid="exercise-load"]')?.focus();
  }, [openId]);
  const choose = (id: string): void => {
    list.current?.close();
    chosen.current = true;
    useExercises.getState().choose(id);
    if (id === openId)
      card.current?.querySelector<HTMLElement>('[data-testid="exercise-load"]')?.focus();
  };
  const close = (): void => {
    useExercises.getState().choose(null);
    opener.current?.focus();
  };
  return (
    <div className="exercises">
      <div className="exercise-buttons">
        <button
          ref={opener}
          type="button"
          data-testid="exercises"
          aria-haspopup="dialog"
          title="Graded exercises, checked against your program"
          onClick={() => openExerciseList(list.current)}
        >
          Exercises…
        </button>
        <DrillsPanel source="playground" />
      </div>
      <ExerciseList ref={list} onChoose={choose} />
      {exercise && (
        <ExerciseCard key={exercise.id} exercise={exercise} onClose={close} ref={card} />
      )}
    </div>
  );
}
