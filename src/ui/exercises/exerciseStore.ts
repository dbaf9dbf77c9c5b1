/**
 * The exercises' own state, owned here and nowhere else: which exercise is open, the last
 * check of each (with the program it checked), the learner's program before a starter replaced
 * it. It lives outside the panel so that leaving the playground and coming back loses nothing.
 */
import { create } from 'zustand';
import type { ProgramGrade, Verdict } from '../../core/exercises';

/** A program exercise's last check. */
export interface ProgramCheck {
  readonly kind: 'program';
  /** The program text it graded. */
  readonly program: string;
  readonly grade: ProgramGrade;
}

/** An arena exercise's last answer. */
export interface AnswerCheck {
  readonly kind: 'answer';
  readonly text: string;
  readonly verdict: Verdict;
}

export interface ExerciseState {
  /** The open exercise's id, or null. */
  readonly openId: string | null;
  readonly checks: Readonly<Record<string, ProgramCheck | AnswerCheck>>;
  /** The program the learner had before the last "load", to put back (null: nothing to). */
  readonly saved: string | null;
  choose(id: string | null): void;
  record(id: string, check: ProgramCheck | AnswerCheck): void;
  save(program: string | null): void;
}

/** The exercises' store (one per page). */
export const useExercises = create<ExerciseState>()((set) => ({
  openId: null,
  checks: {},
  saved: null,
  choose: (openId) => set({ openId }),
  record: (id, check) => set((s) => ({ checks: { ...s.checks, [id]: check } })),
  save: (saved) => set({ saved }),
}));
