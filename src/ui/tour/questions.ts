/**
 * The tour's questions, one per chapter (same order as `CHAPTERS`): more "why" than "what".
 * A question is asked before its chapter's action (predict, then see) or after it. Where a
 * question has a number, `ask` measures it on the engine or the session when it is asked: the
 * record just pushed, the guide's recursion run on its own example, the guide's loop run ten
 * times — never a number typed in here.
 */
import {
  compareBackwards,
  createGuideLoop,
  guideLoopStep,
  gradeAddress,
  gradeNumber,
  hex,
  parseAnswer,
  VALUE_ALIGN,
  VALUE_RECORD_SIZE,
  type AnswerKind,
} from '../../core';
import { GUIDE_BUG_PROGRAM } from '../compare/GuideBackwardPanel';
import type { TourContext } from './chapters';

/** A question as asked: its text, how it is answered, and why the answer is what it is. */
export type AskedQuestion = {
  readonly prompt: string;
  /** The explanation shown with the verdict: two sentences. */
  readonly why: string;
} & (
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly right: number }
  | { readonly kind: AnswerKind; readonly truth: number; readonly shown: string }
);

export interface TourQuestion {
  /** Its key among the stored answers. */
  readonly id: string;
  /** Asked before the chapter's action (predict, then see) or after it. */
  readonly when: 'before' | 'after';
  /**
   * The question, with what it measures; null when the screen cannot say (no scenario). Its
   * texts may set code in `backquotes`.
   */
  ask(tour: TourContext): AskedQuestion | null;
}

/** A multiple-choice question (its numbers, if any, are in the text). */
function choice(
  id: string,
  when: TourQuestion['when'],
  prompt: string,
  choices: readonly string[],
  right: number,
  why: string,
): TourQuestion {
  return { id, when, ask: () => ({ kind: 'choice', prompt, choices, right, why }) };
}

/** Passes of the guide's loop the update question asks about. */
export const LOOP_QUESTION_PASSES = 10;

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

export const QUESTIONS: readonly TourQuestion[] = [
  choice(
    'two-arenas',
    'after',
    'After 1,000 steps like this one, which arena will have grown?',
    [
      'Scratch: every step adds records',
      'Neither: scratch is rewound each step; the weights change in place',
      'The model: the weights change',
    ],
    1,
    'checkpoint.end() takes each step’s records back, so scratch never holds more than one step. The update rewrites the weights where they are: the model arena pushes nothing new.',
  ),
  {
    id: 'next-address',
    when: 'after',
    ask: ({ session }) => {
      // The screen reveals forward's records one by one (the engine pushed them at once).
      const screen = session.screen;
      if (!screen || screen.revealed === 0) return null;
      const { scratch, revealed } = screen;
      const landed = scratch.tape[revealed - 1];
      const next =
        revealed < scratch.tapeLength
          ? scratch.tape[revealed]
          : Math.ceil(scratch.top / VALUE_ALIGN) * VALUE_ALIGN;
      return {
        kind: 'address',
        prompt: `The record landed at ${hex(landed)}. Where will the next one land? (hex or decimal)`,
        truth: next,
        shown: hex(next),
        why: `The bump pointer moved past this record’s ${VALUE_RECORD_SIZE} bytes, to ${hex(next)}: the next record lands exactly there. No search, no free list: one addition.`,
      };
    },
  },
  choice(
    'record-prev',
    'after',
    'Why prev[2] and prev_count, not a std::vector of parents?',
    [
      'A vector is slower to read in backward',
      'No op has more than two parents: both fit in the 32 bytes, no second allocation',
      'An arena cannot hold pointers',
    ],
    1,
    'A std::vector keeps its elements in a heap block of its own, a second allocation that checkpoint.end() would not free. Two fixed slots keep the whole record in one 32-byte push.',
  ),
  choice(
    'reverse-sweep',
    'after',
    'Backward will sweep this tape from the top down. Why that order?',
    [
      'All that uses a node lies above it, so its gradient is complete when the sweep gets there',
      'The loss is the last record, and memory reads faster backwards',
      'Top down visits fewer records',
    ],
    0,
    'Every op is pushed after the values it uses, so in reverse each consumer comes before what it consumes. Each node is visited once, its gradient already summed.',
  ),
  {
    id: 'guide-eight',
    when: 'after',
    ask: () => {
      const run = compareBackwards(GUIDE_BUG_PROGRAM, 0);
      const leaf = run.leaves[run.leaf].name;
      return {
        kind: 'number',
        prompt: `On \`${GUIDE_BUG_PROGRAM}\` the tape gives d${run.output}/d${leaf} = ${fmt(run.tape)}. What does the guide’s recursive backward give?`,
        truth: run.guideGrad,
        shown: fmt(run.guideGrad),
        why: `The recursion reruns b’s rule once per path from c to b, each time with b’s whole gradient, so a gets it twice over: ${fmt(run.guideGrad)}, not ${fmt(run.tape)}. The tape runs each rule once, after every consumer has added its share.`,
      };
    },
  },
  {
    id: 'loop-ten',
    when: 'after',
    ask: () => {
      const asWritten = createGuideLoop();
      const withUpdate = createGuideLoop();
      const losses: number[] = [];
      let trained = 0;
      for (let k = 0; k < LOOP_QUESTION_PASSES; k++) {
        losses.push(guideLoopStep(asWritten, false));
        trained = guideLoopStep(withUpdate, true);
      }
      const last = losses[losses.length - 1];
      return {
        kind: 'number',
        prompt: `With the update commented out, the guide’s loop measures a loss of ${fmt(losses[0])} on pass 1. What on pass ${LOOP_QUESTION_PASSES}?`,
        truth: last,
        shown: fmt(last),
        why: `Nothing writes the model arena, so every pass runs the same forward on the same weights: ${fmt(last)} again. With the update, pass ${LOOP_QUESTION_PASSES} measures ${fmt(trained)}.`,
      };
    },
  },
  choice(
    'end-cost',
    'after',
    'Why can one store free every record of the step?',
    [
      'The arena lists its records and frees them in a batch',
      'The garbage collector frees them later',
      'Nothing in scratch outlives the step: no record needs finding or keeping',
    ],
    2,
    'end() writes back the bump pointer the checkpoint saved, however many records lie above. That works because they all die together: what must live on belongs in the model arena.',
  ),
  choice(
    'stale-pointer',
    'before',
    'A pointer kept across checkpoint.end() is read in the next step. In release mode, what does it read?',
    [
      'Its old value: end() erased nothing',
      'Whatever record the next step put in that slot',
      'An error: the arena knows it is gone',
    ],
    1,
    'end() only moves the bump pointer back, so the next step’s records reuse the same bytes. Release mode checks nothing; debug mode stamps each handle with the reset count and throws.',
  ),
  choice(
    'no-objects',
    'before',
    'Each step of this MLP makes tens of thousands of Values. How many JavaScript objects for them?',
    [
      'One per Value, freed later by the garbage collector',
      'One per layer',
      'None: a Value is 32 bytes in one buffer; its handle is a number',
    ],
    2,
    'Records are written into memory the arenas already own, so the garbage collector has nothing to trace or free. Before vs after measures what one object per Value costs.',
  ),
];

/** A typed answer, graded, or why it could not be read. */
export type TypedGrade =
  | { readonly ok: true; readonly given: string; readonly right: boolean }
  | { readonly ok: false; readonly message: string };

/** Grades what the learner typed for a number or an address question, with the core's parser. */
export function gradeTyped(asked: AskedQuestion, text: string): TypedGrade {
  if (asked.kind === 'choice') return { ok: false, message: 'Pick one of the answers.' };
  const read = parseAnswer(text, asked.kind);
  if (!read.ok) return read;
  const grade = asked.kind === 'address' ? gradeAddress : gradeNumber;
  return { ok: true, given: text.trim(), right: grade(read.value, asked.truth) };
}
