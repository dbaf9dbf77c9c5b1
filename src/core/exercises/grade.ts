/**
 * Grading: a program exercise by the numbers the learner's program gives (its output's value,
 * the gradients of the named variables), one verdict per component; an arena exercise by the
 * number the learner answers, against what the engine computes from the exercise's program.
 */
import { ArenaOverflowError, ExpressionError, hex } from '../errors';
import { OP_INFO, Op } from '../ops';
import { opAt } from '../record';
import { VALUE_RECORD_SIZE } from '../recordLayout';
import { parseAnswerNumber } from './answerNumber';
import type { ArenaExercise, ProgramComponent, ProgramExercise, Verdict } from './exercise';
import { runLikePlayground, type PlaygroundLayout, type PlaygroundRun } from './playgroundRun';

/** The verdicts on a program, and what kept it from being graded at all (or null). */
export interface ProgramGrade {
  readonly verdicts: readonly Verdict[];
  readonly problem: string | null;
}

/** How a component reads: `f` for the output's value, `df/da` for a gradient. */
export function componentLabel(exercise: ProgramExercise, component: ProgramComponent): string {
  return component.kind === 'value' ? component.name : `d${exercise.output}/d${component.name}`;
}

/** The first given input the run lacks or sets differently, in words (null when all match). */
function inputProblem(exercise: ProgramExercise, run: PlaygroundRun): string | null {
  for (const [name, given] of Object.entries(exercise.inputs)) {
    const value = run.values.get(name);
    if (value === undefined)
      return `your program has no ${name}: the exercise sets ${name} = ${given}`;
    if (Math.abs(value - given) > 1e-9 * Math.max(1, Math.abs(given)))
      return `${name} is ${value} in your program; the exercise sets ${name} = ${given}`;
  }
  return null;
}

/** Grades a run of the learner's program, one verdict per component. */
export function gradeRun(exercise: ProgramExercise, run: PlaygroundRun): ProgramGrade {
  const problem = inputProblem(exercise, run);
  const verdicts = exercise.components.map((component): Verdict => {
    const label = componentLabel(exercise, component);
    const expected = component.golden;
    const got =
      component.kind === 'value' ? run.values.get(run.output)! : run.grads.get(component.name);
    if (got === undefined) {
      const note = `no variable named ${component.name} in your program`;
      return { label, right: false, got: null, expected, note };
    }
    const close = Math.abs(got - expected) <= exercise.tolerance;
    let note: string | null = null;
    if (close && problem) note = 'the number fits, but the inputs differ (above)';
    else if (!close && component.kind === 'value' && run.output !== exercise.output) {
      const named = run.values.get(exercise.output);
      if (named !== undefined && Math.abs(named - expected) <= exercise.tolerance)
        note = `${exercise.output} is right, but the last line (${run.output}) is the output: end with ${exercise.output}`;
    }
    return { label, right: close && problem === null, got, expected, note };
  });
  return { verdicts, problem };
}

/**
 * Runs the learner's `source` as the playground does and grades it. A program that does not
 * run gets every component "not yet" and the reason as `problem`, with its line and column.
 */
export function checkProgram(
  exercise: ProgramExercise,
  source: string,
  layout: PlaygroundLayout,
): ProgramGrade {
  try {
    return gradeRun(exercise, runLikePlayground(source, layout));
  } catch (error) {
    if (!(error instanceof ExpressionError) && !(error instanceof ArenaOverflowError)) throw error;
    const problem =
      error instanceof ExpressionError
        ? `line ${error.line}, column ${error.column}: ${error.reason}`
        : error.message;
    const verdicts = exercise.components.map((component) => ({
      label: componentLabel(exercise, component),
      right: false,
      got: null,
      expected: component.golden,
      note: 'the program does not run (above)',
    }));
    return { verdicts, problem };
  }
}

/** An arena exercise's answer, computed by the engine, and how it is made up. */
export interface ArenaAnswer {
  /** Where the scratch arena starts in the playground's memory. */
  readonly scratchBase: number;
  readonly expected: number;
  /** The working, in words and numbers from the run. */
  readonly how: string;
}

/** What a record of the run is, in a word: its variable, its number, or its op. */
function recordName(run: PlaygroundRun, address: number): string {
  for (const [name, at] of run.addresses) if (at === address) return name;
  const op = opAt(run.scratch.memory, address);
  if (op === Op.Leaf) return String(run.scratch.memory.f64[address >> 3]);
  return OP_INFO[op]?.name ?? '?';
}

/** Runs the exercise's program in the playground's memory and reads the answer off it. */
export function arenaAnswer(exercise: ArenaExercise, layout: PlaygroundLayout): ArenaAnswer {
  const run = runLikePlayground(exercise.program, layout);
  const names = run.records.map((address) => recordName(run, address));
  const scratchBase = run.scratchBase;
  if (exercise.question.kind === 'bytes') {
    const count = run.records.length;
    const how =
      `${count} records × ${VALUE_RECORD_SIZE} bytes = ${run.scratchBytes} ` +
      `(in push order: ${names.join(', ')})`;
    return { scratchBase, expected: run.scratchBytes, how };
  }
  const { name } = exercise.question;
  const address = run.addresses.get(name)!;
  // Numbered from #0, as the graph and the memory view number the tape.
  const k = run.records.indexOf(address);
  const how =
    `${name} is #${k} on the tape (from #0: ${names.slice(0, k + 1).join(', ')}): ` +
    `${hex(scratchBase)} + ${k} × ${VALUE_RECORD_SIZE} = ${hex(address)} = ${address}`;
  return { scratchBase, expected: address, how };
}

/** Grades the number the learner typed for an arena exercise (decimal or hex). */
export function gradeAnswer(answer: ArenaAnswer, label: string, text: string): Verdict {
  const got = parseAnswerNumber(text);
  const { expected } = answer;
  if (got === null) {
    const note = `“${text.trim()}” is not a number: write it in decimal (1040) or hex (0x410)`;
    return { label, right: false, got: null, expected, note };
  }
  return { label, right: got === expected, got, expected, note: answer.how };
}
