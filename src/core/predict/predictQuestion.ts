/**
 * A question of predict mode ("Your turn") as plain data: what to ask before a reveal, the true
 * answer read from the engine before the screen shows it, how to grade a typed answer, and the
 * two steps of its hint. Built by `backwardQuestion.ts` and `stepQuestions.ts`; graded here.
 */
import { gradeAddress, gradeNumber, parseAnswer, type AnswerKind } from '../answers';

/** The reveals predict mode asks about; each can be turned off. */
export const PREDICT_KINDS = ['backward', 'forward', 'update', 'reset'] as const;
export type PredictKind = (typeof PREDICT_KINDS)[number];

/** One question, asked at one stop of one step. */
export interface PredictQuestion {
  /** Stable across stepping back and forth: the answers are kept under it. */
  readonly key: string;
  readonly kind: PredictKind;
  /** The question, naming the record as the graph names it. */
  readonly prompt: string;
  /** How a typed answer is read: a number, or an address (hex or decimal). */
  readonly answer: AnswerKind;
  /** The true answer, read from the engine before the screen shows it. */
  readonly truth: number;
  /** The true answer as the screen writes it (`−2`, `0x100020`). */
  readonly truthText: string;
  /** First the rule (what to think about), then the numbers that go into it. */
  readonly hints: readonly [string, string];
  /** Why the answer is what it is, shown with it. */
  readonly why: string;
}

/** What grading a typed answer gave: a verdict, or why the text could not be read. */
export type PredictGrade =
  | { readonly ok: true; readonly right: boolean; readonly value: number }
  | { readonly ok: false; readonly message: string };

/** Grades `text` against `question` (numbers within 1e-3 relative; addresses to the byte). */
export function gradePrediction(question: PredictQuestion, text: string): PredictGrade {
  const parsed = parseAnswer(text, question.answer);
  if (!parsed.ok) return parsed;
  const right =
    question.answer === 'address'
      ? gradeAddress(parsed.value, question.truth)
      : gradeNumber(parsed.value, question.truth);
  return { ok: true, right, value: parsed.value };
}

/** A number as the screen writes it: four significant digits, the Unicode minus. */
export function numberText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text = abs >= 1e-3 && abs < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(2);
  return text.replace('-', '−').replace(/\.?0+e/, 'e');
}
