/**
 * The referee: a gradient by central finite differences, (f(x+h) − f(x−h)) / 2h, where f is the
 * program's output as a function of one of its leaves. Each f is a fresh forward run inside a
 * scratch checkpoint, so checking costs no lasting memory. Set beside the tape sweep and the
 * guide's recursive backward by {@link compareBackwards}.
 */
import { backward } from '../backward';
import { Memory, MB } from '../memory';
import { evaluateProgram } from '../expr/evaluate';
import { parseProgram } from '../expr/parser';
import type { Program } from '../expr/ast';
import type { MemoryArena } from '../arena';
import { addressOf } from '../value';
import { guideBackward, GUIDE_VISIT_BUDGET, type GuideBackwardRun } from './guideBackward';

/** A leaf the user can pick: a statement that assigns a number (`a = 1`). */
export interface ProgramLeaf {
  readonly name: string;
  /** Index of its statement in the program. */
  readonly statement: number;
  readonly value: number;
}

/** The same gradient three ways, for one leaf of a program. */
export interface BackwardComparison {
  readonly output: string;
  readonly leaves: ProgramLeaf[];
  /** The leaf compared (an index into `leaves`). */
  readonly leaf: number;
  /** d(output)/d(leaf) by the tape sweep (this engine's `backward`). */
  readonly tape: number;
  /** The same by the guide's recursive backward (partial when `guide.complete` is false). */
  readonly guideGrad: number;
  readonly guide: GuideBackwardRun;
  /** The same by central finite differences, and the step used. */
  readonly finiteDifference: number;
  readonly h: number;
  /** Records the tape sweep visited (each once). */
  readonly tapeVisits: number;
}

/** The leaves of a program: statements whose whole right side is a number. */
export function programLeaves(program: Program): ProgramLeaf[] {
  const leaves: ProgramLeaf[] = [];
  program.statements.forEach((s, statement) => {
    if (s.expr.kind === 'number') leaves.push({ name: s.name, statement, value: s.expr.value });
  });
  return leaves;
}

/** The program's output with one statement's number replaced by `x`, run inside a checkpoint. */
export function outputWith(
  arena: MemoryArena,
  program: Program,
  statement: number,
  x: number,
): number {
  const changed: Program = {
    ...program,
    statements: program.statements.map((s, i) =>
      i === statement ? { ...s, expr: { ...s.expr, kind: 'number' as const, value: x } } : s,
    ),
  };
  const checkpoint = arena.mark();
  try {
    const result = evaluateProgram(arena, changed);
    return arena.memory.f64[addressOf(result.bindings.get(result.output)!) >> 3];
  } finally {
    checkpoint.end();
  }
}

/** Central finite difference of the output with respect to a leaf's statement. */
export function finiteDifference(
  arena: MemoryArena,
  program: Program,
  leaf: ProgramLeaf,
): { grad: number; h: number } {
  const h = 1e-5 * Math.max(1, Math.abs(leaf.value));
  const up = outputWith(arena, program, leaf.statement, leaf.value + h);
  const down = outputWith(arena, program, leaf.statement, leaf.value - h);
  return { grad: (up - down) / (2 * h), h };
}

/**
 * Runs `source` once into an arena, then on the same records: the tape sweep, the guide's
 * backward (stopped at `budget` visits), and the finite-difference referee for leaf `leafIndex`
 * (the first leaf when out of range). Throws the expression language's errors for a bad program
 * and a RangeError when it has no number leaf.
 */
export function compareBackwards(
  source: string,
  leafIndex = 0,
  budget: number = GUIDE_VISIT_BUDGET,
): BackwardComparison {
  const program = parseProgram(source);
  const leaves = programLeaves(program);
  if (leaves.length === 0)
    throw new RangeError('the program has no leaf to check: assign a number, e.g. `a = 1`');
  const leaf = leafIndex >= 0 && leafIndex < leaves.length ? leafIndex : 0;
  const memory = new Memory();
  const scratch = memory.addArena('scratch', MB(4));
  const result = evaluateProgram(scratch, program);
  const output = addressOf(result.bindings.get(result.output)!);
  const leafAddress = addressOf(result.statements[leaves[leaf].statement].value);
  const tapeVisits = scratch.tapeLength;
  backward(scratch, output);
  const tape = memory.f64[(leafAddress >> 3) + 1];
  const guide = guideBackward(memory, output, budget);
  const guideGrad = memory.f64[(leafAddress >> 3) + 1];
  const fd = finiteDifference(scratch, program, leaves[leaf]);
  return {
    output: result.output,
    leaves,
    leaf,
    tape,
    guideGrad,
    guide,
    finiteDifference: fd.grad,
    h: fd.h,
    tapeVisits,
  };
}
