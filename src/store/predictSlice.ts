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
 * open now (written by the session only) and the learner's answers, the one owner of them.
 * Answers last for one run of the scenario, so stepping back never asks twice; the session
 * forgets them when the run starts again (Reset, another scenario, a new program, a reload), so
 * a second try, or the next class on the same laptop, is asked again.
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
  /** Forgets every answer (a new run). */
  forgetPredictions: () => void;
}

/** Answers kept at most (the oldest go first). */
const MAX_KEPT = 2000;

const ALL_KINDS = Object.fromEntries(PREDICT_KINDS.map((k) => [k, true])) as Record<
  PredictKind,
  boolean
>;

export const createPredictSlice: StateCreator<PredictSlice, [], [], PredictSlice> = (set, get) => {
  const store = (key: string, answer: PredictAnswer): void => {
    const entries = Object.entries({ ...get().predictAnswers, [key]: answer });
    set({ predictAnswers: Object.fromEntries(entries.slice(-MAX_KEPT)) });
  };
  return {
    predict: false,
    setPredict: (predict) =>
      set((s) => ({
        predict,
        ...(predict ? {} : { predictQuestion: null }),
        // Every kind turned off leaves nothing to ask and no prompt to turn one on: on again asks all.
        ...(predict && PREDICT_KINDS.every((k) => !s.predictKinds[k])
          ? { predictKinds: ALL_KINDS }
          : {}),
      })),
    predictKinds: ALL_KINDS,
    setPredictKind: (kind, on) => set((s) => ({ predictKinds: { ...s.predictKinds, [kind]: on } })),
    predictQuestion: null,
    setPredictQuestion: (predictQuestion) => set({ predictQuestion }),
    predictAnswers: {},
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
    forgetPredictions: () => set({ predictAnswers: {}, predictQuestion: null }),
  };
};
