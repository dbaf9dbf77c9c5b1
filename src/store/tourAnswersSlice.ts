import type { StateCreator } from 'zustand';

/** One answer to a tour question: what the learner gave (a choice's text or what they typed). */
export interface TourAttempt {
  readonly given: string;
  readonly right: boolean;
}

/** A question's answers: the first, and (when the first missed) the one when it came back. */
export interface TourAnswer {
  readonly first: TourAttempt;
  readonly again?: TourAttempt;
}

/** Answers by question id. */
export type TourAnswers = Readonly<Record<string, TourAnswer>>;

/**
 * The learner's answers to the tour's questions, kept in this browser (`localStorage`) so that a
 * reload (or a later visit) shows what they answered and never asks twice; "forget my answers"
 * clears them. This slice is their one owner: it reads storage once, when the store is made, and
 * writes on every change.
 */
export interface TourAnswersSlice {
  tourAnswers: TourAnswers;
  /**
   * Records an answer to question `id`: its first, or its second once the first missed (the
   * question came back). Any later answer is ignored.
   */
  answerTour: (id: string, attempt: TourAttempt) => void;
  /** Forgets every answer, here and in storage. */
  forgetTourAnswers: () => void;
}

/** Where the answers are kept (this browser only). */
export const TOUR_ANSWERS_KEY = 'arenagrad.tour.answers';

const isAttempt = (x: unknown): x is TourAttempt =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as TourAttempt).given === 'string' &&
  typeof (x as TourAttempt).right === 'boolean';

/** The stored answers, keeping only well-formed ones (storage may hold anything). */
export function readTourAnswers(json: string | null): TourAnswers {
  if (json === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const answers: Record<string, TourAnswer> = {};
  for (const [id, answer] of Object.entries(parsed)) {
    const { first, again } = (answer ?? {}) as { first?: unknown; again?: unknown };
    if (!isAttempt(first)) continue;
    answers[id] = isAttempt(again) && !first.right ? { first, again } : { first };
  }
  return answers;
}

function load(): TourAnswers {
  try {
    return readTourAnswers(globalThis.localStorage?.getItem(TOUR_ANSWERS_KEY) ?? null);
  } catch {
    return {}; // storage blocked: start with none
  }
}

function save(answers: TourAnswers): void {
  try {
    if (Object.keys(answers).length === 0) globalThis.localStorage?.removeItem(TOUR_ANSWERS_KEY);
    else globalThis.localStorage?.setItem(TOUR_ANSWERS_KEY, JSON.stringify(answers));
  } catch {
    // storage blocked or full: the answers last as long as the page
  }
}

export const createTourAnswersSlice: StateCreator<TourAnswersSlice, [], [], TourAnswersSlice> = (
  set,
  get,
) => ({
  tourAnswers: load(),
  answerTour: (id, attempt) => {
    const answers = get().tourAnswers;
    const known = answers[id];
    let answer: TourAnswer;
    if (!known) answer = { first: attempt };
    else if (!known.first.right && !known.again) answer = { first: known.first, again: attempt };
    else return;
    const tourAnswers = { ...answers, [id]: answer };
    save(tourAnswers);
    set({ tourAnswers });
  },
  forgetTourAnswers: () => {
    save({});
    set({ tourAnswers: {} });
  },
});
