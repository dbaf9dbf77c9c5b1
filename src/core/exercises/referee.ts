/**
 * The finite-difference referee as a hint, as micrograd's exercise 1 asks: for each graded
 * input, nudge it by h and rerun the learner's program; the forward difference
 * (f(x+h) − f(x)) / h against the central one (f(x+h) − f(x−h)) / 2h, for the same h, beside
 * the gradient the tape sweep gives. Reruns go through the referee's own `outputWith`.
 */
import { outputWith } from '../guide/gradientReferee';
import { Memory } from '../memory';
import type { ProgramExercise } from './exercise';
import { runLikePlayground, type PlaygroundLayout } from './playgroundRun';

/** The step micrograd's exercise uses for its forward difference. */
export const REFEREE_H = 1e-6;

/** One input, three ways. */
export interface RefereeRow {
  readonly name: string;
  /** d(output)/d(name) by the tape sweep. */
  readonly tape: number;
  readonly forward: number;
  readonly central: number;
}

/** The referee's rows, and the graded names it cannot nudge (not a number in the program). */
export interface RefereeHint {
  readonly h: number;
  readonly rows: readonly RefereeRow[];
  /** Graded names that are computed (or missing) rather than set to a number. */
  readonly skipped: readonly string[];
}

/**
 * The hint for the learner's `source`: one row per graded gradient whose variable the program
 * sets to a number (its last assignment). Throws the expression language's errors.
 */
export function refereeHint(
  exercise: ProgramExercise,
  source: string,
  layout: PlaygroundLayout,
  h: number = REFEREE_H,
): RefereeHint {
  const run = runLikePlayground(source, layout);
  const { statements } = run.program;
  const arena = new Memory().addArena('scratch', layout.scratchBytes);
  const rows: RefereeRow[] = [];
  const skipped: string[] = [];
  for (const component of exercise.components) {
    if (component.kind !== 'gradient') continue;
    const { name } = component;
    const at = statements.findLastIndex((s) => s.name === name);
    const expr = at < 0 ? null : statements[at].expr;
    if (expr?.kind !== 'number') {
      skipped.push(name);
      continue;
    }
    const x = expr.value;
    const f = (input: number) => outputWith(arena, run.program, at, input);
    const [up, here, down] = [f(x + h), f(x), f(x - h)];
    rows.push({
      name,
      tape: run.grads.get(name)!,
      forward: (up - here) / h,
      central: (up - down) / (2 * h),
    });
  }
  return { h, rows, skipped };
}
