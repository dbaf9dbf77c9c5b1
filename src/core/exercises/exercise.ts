/**
 * What a graded exercise is: a task, its components and where each golden number comes from.
 * The exercises themselves are data (`exerciseData.ts`); `grade.ts` checks a learner's work.
 */

/** Where a golden number was published. */
export interface GoldenSource {
  /** The work, as its author titled it. */
  readonly title: string;
  /** The work in a few words, for a narrow panel. */
  readonly short: string;
  readonly url: string;
  /** Where in it (a cell, a minute of the video). */
  readonly where: string;
}

/**
 * One graded number of a program exercise: the output's value, or the gradient of the output
 * with respect to a named variable.
 */
export interface ProgramComponent {
  readonly kind: 'value' | 'gradient';
  /** `value`: the exercise's name for the output. `gradient`: the variable differentiated. */
  readonly name: string;
  /** The published number. */
  readonly golden: number;
}

/**
 * An exercise answered by a program in the playground: the learner writes any program that
 * computes it; the output (the last line, whatever its name) and the named variables are read
 * as the playground evaluates them.
 */
export interface ProgramExercise {
  readonly kind: 'program';
  readonly id: string;
  readonly title: string;
  /** What to compute, in a few sentences. */
  readonly task: string;
  /** How the exercise names its output (the label of its value and gradients). */
  readonly output: string;
  /** The given inputs: each a variable the program must set to this number. */
  readonly inputs: Readonly<Record<string, number>>;
  readonly components: readonly ProgramComponent[];
  /** A program to start from: the inputs and a first line, not the answer. */
  readonly starter: string;
  readonly source: GoldenSource;
  /** A component is right within this distance of its golden number. */
  readonly tolerance: number;
}

/** What an arena exercise asks about its program's records in the scratch arena. */
export type ArenaQuestion =
  | { readonly kind: 'bytes' }
  | {
      readonly kind: 'address';
      /** the variable whose record is asked for */ readonly name: string;
    };

/**
 * An exercise answered by a number: a fact about where a given program's records land. The
 * answer is computed by the engine from the program, in the playground's memory.
 */
export interface ArenaExercise {
  readonly kind: 'arena';
  readonly id: string;
  readonly title: string;
  readonly task: string;
  readonly program: string;
  readonly question: ArenaQuestion;
}

/** Any exercise. */
export type Exercise = ProgramExercise | ArenaExercise;

/** The verdict on one component: right or not yet, with the numbers behind it. */
export interface Verdict {
  /** What is graded, as the learner reads it: `f`, `df/da`, `bytes`. */
  readonly label: string;
  readonly right: boolean;
  /** The learner's number (null: none could be read, see `note`). */
  readonly got: number | null;
  readonly expected: number;
  /** Why it is not yet right when that is more than a different number, or how the answer is made. */
  readonly note: string | null;
}
