/**
 * A program of the expression language as a {@link Stepper}: `forward` evaluates it into the
 * scratch arena, `backward` sweeps its tape from the output down. There is no update: nothing
 * here is a weight. The model arena exists (both arenas are always shown) and stays empty.
 */
import {
  KB,
  Memory,
  createSweep,
  sweepDone,
  sweepNext,
  tapeIndexOf,
  evaluateProgram,
  parseProgram,
  setGradientAt,
  type Checkpoint,
  type MemoryArena,
  type SweepCursor,
  type Program,
  type TracedUpdate,
} from '../core';
import type { Stepper } from './stepper';

/** Default arena sizes of the playground. */
export const PLAYGROUND_MODEL_BYTES = KB(1);
export const PLAYGROUND_SCRATCH_BYTES = KB(64);

/** Name of each record a statement bound, by address. */
export type Bindings = Map<number, string>;

/** The playground's engine. Parse with {@link ProgramStepper.parse} before evaluating. */
export class ProgramStepper implements Stepper {
  readonly phases = ['mark', 'forward', 'backward', 'reset'] as const;
  readonly phasedStep = null;
  readonly restPhase = 'backward';
  readonly memory: Memory;
  readonly model: MemoryArena;
  readonly scratch: MemoryArena;
  stepCount = 0;
  tapeStart = 0;
  forwardEnd = 0;
  output = 0;
  /** Names of records, by address (from the last evaluation). */
  names: Bindings = new Map();
  /** Each statement's source line and the tape index of its value, in order. */
  statementLines: { end: number; line: number }[] = [];
  private checkpoint: Checkpoint | null = null;
  /** The backward sweep of the current step (null before its forward). */
  private sweep: SweepCursor | null = null;

  get backwardCursor(): number {
    return this.sweep ? this.sweep.next : -1;
  }

  constructor(
    private program: Program,
    options: { modelBytes?: number; scratchBytes?: number; debug?: boolean } = {},
  ) {
    this.memory = new Memory({ debug: options.debug ?? false });
    this.model = this.memory.addArena('model', options.modelBytes ?? PLAYGROUND_MODEL_BYTES);
    this.scratch = this.memory.addArena(
      'scratch',
      options.scratchBytes ?? PLAYGROUND_SCRATCH_BYTES,
    );
  }

  /** Parses `source`; throws the core's `ExpressionError` with line and column. */
  static parse(source: string): Program {
    return parseProgram(source);
  }

  /** Replaces the program (takes effect at the next forward). */
  setProgram(program: Program): void {
    this.program = program;
  }

  get lossEnd(): number {
    return this.forwardEnd;
  }

  get backwardDone(): boolean {
    return this.checkpoint !== null && this.sweep !== null && sweepDone(this.sweep);
  }

  begin(): void {
    this.checkpoint = this.scratch.mark();
    this.tapeStart = this.forwardEnd = this.scratch.tapeLength;
    this.sweep = null;
  }

  forward(): void {
    if (!this.checkpoint) throw new Error('no step in progress: take a checkpoint (mark) first');
    let result;
    try {
      result = evaluateProgram(this.scratch, this.program);
    } catch (error) {
      this.abort();
      throw error;
    }
    this.names = new Map();
    for (const s of result.statements) this.names.set(s.value >>> 0, s.name);
    this.statementLines = result.statements.map((s) => ({
      end: tapeIndexOf(this.scratch, s.value >>> 0),
      line: s.line,
    }));
    this.output = result.bindings.get(result.output)! >>> 0;
    this.forwardEnd = this.scratch.tapeLength;
    setGradientAt(this.memory, this.output, 1); // d(out)/d(out)
    this.sweep = createSweep(this.scratch, this.forwardEnd - 1, this.tapeStart);
  }

  backwardNext(): number {
    return this.sweep ? sweepNext(this.sweep) : -1;
  }

  update(): readonly TracedUpdate[] {
    return [];
  }

  end(): void {
    if (!this.checkpoint) return;
    this.checkpoint.end();
    this.checkpoint = null;
    this.stepCount++;
  }

  saveState(): () => void {
    const { stepCount, tapeStart, forwardEnd, output, names, checkpoint, sweep } = this;
    const next = sweep?.next ?? 0;
    return () => {
      Object.assign(this, { stepCount, tapeStart, forwardEnd, output, names, checkpoint, sweep });
      if (sweep) sweep.next = next;
    };
  }

  abort(): void {
    if (this.checkpoint && !this.checkpoint.isEnded) this.checkpoint.end();
    this.checkpoint = null;
  }
}
