/**
 * Grading the "predict first" question of the guide's backward: dc/da, where the true value is
 * what the tape gives and the guide's recursion prints another. Read with the core's answer
 * parser, compared with its tolerance; a learner who answers the guide's number is told so.
 */
import { gradeNumber, parseAnswer } from '../../core';

/** What the learner did with the question. */
export type Prediction =
  | { readonly kind: 'right' | 'guide' | 'wrong'; readonly given: string }
  | { readonly kind: 'revealed' };

/** A typed answer graded, or why it could not be read (the text is kept, to be corrected). */
export type Graded =
  | { readonly ok: true; readonly prediction: Prediction }
  | { readonly ok: false; readonly message: string };

/**
 * Grades `text` against `truth` (the tape's dc/da) and `guide` (what the guide's recursion
 * prints): right, the guide's number, or neither.
 */
export function gradePrediction(text: string, truth: number, guide: number): Graded {
  const read = parseAnswer(text);
  if (!read.ok) return { ok: false, message: read.message };
  const given = text.trim();
  if (gradeNumber(read.value, truth)) return { ok: true, prediction: { kind: 'right', given } };
  if (gradeNumber(read.value, guide)) return { ok: true, prediction: { kind: 'guide', given } };
  return { ok: true, prediction: { kind: 'wrong', given } };
}
