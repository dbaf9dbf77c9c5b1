import type { StateCreator } from 'zustand';
import { PREDICT_KINDS, type PredictKind, type PredictQuestion } from '../core';

/** One typed answer to a predict question. */
export interface PredictAttempt {
  readonly given: string;
  readonly right: boolean;
}

/**
 * What the learner did with one question: the answers typed, in order, and whether they asked
 * to see the answer (a reveal counts as skipped, not wrong). Done once right or revealed.
 */
export interface PredictAnswer {
  readonly tries: readonly PredictAttempt[];
  readonly revealed: boolean;
}

/** Answers by question key. */
export type PredictAnswers = Readonly<Record<string, PredictAnswer>>;

/** Whether a question is settled: answered right, or its answer shown. */
export function predictDone(answer: PredictAnswer | undefined): boolean {
  return answer !== undefined && (answer.revealed || answer.tries.some((t) => t.right));
}

/**
 * Predict mode ("Your turn"): whether it is on, which kinds of question it asks, the question
 * open now (written by the session only) and the learner's answers. This slice is the answers'
 * one owner: it reads `localStorage` once, when the store is made, and writes on every change,
 * so stepping back, a reload or a later visit never asks twice.
 */
export interface PredictSlice {
  predict: boolean;
  setPredict: (on: boolean) => void;
  /** Which kinds of question are asked (each can be turned off). */
  predictKinds: Readonly<Record<PredictKind, boolean>>;
  setPredictKind: (kind: PredictKind, on: boolean) => void;
  /** The question on screen, or null: a low-rate summary the session writes. */
  predictQuestion: PredictQuestion | null;
  setPredictQuestion: (question: PredictQuestion | null) => void;
  predictAnswers: PredictAnswers;
  /** Records an answer to question `key` (ignored once the question is done). */
  answerPrediction: (key: string, attempt: PredictAttempt) => void;
  /** Shows the answer of question `key` (skipped, not wrong). */
  revealPrediction: (key: string) => void;
  /** Forgets every answer, here and in storage. */
  forgetPredictions: () => void;
}

/** Where the answers are kept (this browser only). */
export const PREDICT_ANSWERS_KEY = 'arenagrad.predict.answers';
/** Answers kept at most (the oldest go first). */
const MAX_KEPT = 2000;

/** The stored answers, keeping only well-formed ones (storage may hold anything). */
export function readPredictAnswers(json: string | null): PredictAnswers {
  let parsed: unknown = null;
  try {
    parsed = json === null ? null : JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const answers: Record<string, PredictAnswer> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const { tries, revealed } = (value ?? {}) as { tries?: unknown; revealed?: unknown };
    if (!Array.isArray(tries) || typeof revealed !== 'boolean') continue;
    const ok = tries.every(
      (t: unknown) =>
        typeof (t as PredictAttempt)?.given === 'string' &&
        typeof (t as PredictAttempt)?.right === 'boolean',
    );
    if (ok) answers[key] = { tries: tries as PredictAttempt[], revealed };
  }
  return answers;
}

function load(): PredictAnswers {
  try {
    return readPredictAnswers(globalThis.localStorage?.getItem(PREDICT_ANSWERS_KEY) ?? null);
  } catch {
    return {};
  }
}

function save(answers: PredictAnswers): void {
  try {
    if (Object.keys(answers).length === 0) globalThis.localStorage?.removeItem(PREDICT_ANSWERS_KEY);
    else globalThis.localStorage?.setItem(PREDICT_ANSWERS_KEY, JSON.stringify(answers));
  } catch {
    // storage blocked or full: the answers last as long as the page
  }
}

const ALL_KINDS = Object.fromEntries(PREDICT_KINDS.map((k) => [k, true])) as Record<
  PredictKind,
  boolean
>;

export const createPredictSlice: StateCreator<PredictSlice, [], [], PredictSlice> = (set, get) => {
  const store = (key: string, answer: PredictAnswer): void => {
    const entries = Object.entries({ ...get().predictAnswers, [key]: answer });
    const predictAnswers = Object.fromEntries(entries.slice(-MAX_KEPT));
    save(predictAnswers);
    set({ predictAnswers });
  };
  return {
    predict: false,
    setPredict: (predict) => set({ predict, ...(predict ? {} : { predictQuestion: null }) }),
    predictKinds: ALL_KINDS,
    setPredictKind: (kind, on) => set((s) => ({ predictKinds: { ...s.predictKinds, [kind]: on } })),
    predictQuestion: null,
    setPredictQuestion: (predictQuestion) => set({ predictQuestion }),
    predictAnswers: load(),
    answerPrediction: (key, attempt) => {
      const known = get().predictAnswers[key];
      if (predictDone(known)) return;
      store(key, { tries: [...(known?.tries ?? []), attempt], revealed: false });
    },
    revealPrediction: (key) => {
      const known = get().predictAnswers[key];
      if (predictDone(known)) return;
      store(key, { tries: known?.tries ?? [], revealed: true });
    },
    forgetPredictions: () => {
      save({});
      set({ predictAnswers: {} });
    },
  };
};
