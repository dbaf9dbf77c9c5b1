/**
 * A program run as the playground runs it: in a memory laid out like the playground's (a model
 * arena, then the scratch arena), evaluated into the scratch arena after a mark, then the
 * backward sweep from its output (the last assignment). The numbers read from it are the ones
 * the playground shows; a test holds this run equal to the playground's own stepper.
 */
import type { MemoryArena } from '../arena';
import { backward } from '../backward';
import { evaluateProgram } from '../expr/evaluate';
import { parseProgram } from '../expr/parser';
import type { Program } from '../expr/ast';
import { Memory } from '../memory';
import { addressOf, getGrad, getValue } from '../value';

/** The arenas of the playground's memory (its defaults, or what the memory inspector set). */
export interface PlaygroundLayout {
  readonly modelBytes: number;
  readonly scratchBytes: number;
  readonly debug?: boolean;
}

/** What one run produced: named numbers, and where its records landed. */
export interface PlaygroundRun {
  readonly program: Program;
  /** The output's name (the last assignment). */
  readonly output: string;
  /** Each name's final value and d(output)/d(it). */
  readonly values: ReadonlyMap<string, number>;
  readonly grads: ReadonlyMap<string, number>;
  /** Address of each name's final record. */
  readonly addresses: ReadonlyMap<string, number>;
  /** Where the scratch arena starts, and the bytes the program pushed into it. */
  readonly scratchBase: number;
  readonly scratchBytes: number;
  /** Each statement's record, named as the graph names it (a rebound name names several). */
  readonly labels: ReadonlyMap<number, string>;
  /** Every record the program pushed, by address, in push order. */
  readonly records: readonly number[];
  /** The scratch arena it ran in (a checkpoint is open: the records are there to read). */
  readonly scratch: MemoryArena;
}

/**
 * Runs `source` as the playground does. Throws the expression language's `ExpressionError` for
 * a malformed program and `ArenaOverflowError` when it does not fit the scratch arena.
 */
export function runLikePlayground(source: string, layout: PlaygroundLayout): PlaygroundRun {
  const program = parseProgram(source);
  const memory = new Memory({ debug: layout.debug ?? false });
  memory.addArena('model', layout.modelBytes);
  const scratch = memory.addArena('scratch', layout.scratchBytes);
  scratch.mark();
  const result = evaluateProgram(scratch, program);
  backward(scratch, result.bindings.get(result.output)!);
  const entries = [...result.bindings];
  return {
    program,
    output: result.output,
    values: new Map(entries.map(([name, v]) => [name, getValue(scratch, v)])),
    grads: new Map(entries.map(([name, v]) => [name, getGrad(scratch, v)])),
    addresses: new Map(entries.map(([name, v]) => [name, addressOf(v)])),
    labels: new Map(result.statements.map((s) => [addressOf(s.value), s.name])),
    scratchBase: scratch.base,
    scratchBytes: scratch.top - scratch.base,
    records: [...scratch.tape.subarray(0, scratch.tapeLength)],
    scratch,
  };
}
