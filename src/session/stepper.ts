/**
 * What the step controller drives: a real engine taken one phase, or one node, at a time.
 * Two implementations: a trainer (`trainerEngine.ts`: the guide's neuron, the MLP) and a
 * program of the expression language (`expressionEngine.ts`).
 */
import type { Memory, MemoryArena, Phase, PhasedStep, TracedUpdate } from '../core';

/** An engine whose step can be taken piece by piece. */
export interface Stepper {
  /** The phases one step goes through, in order. */
  readonly phases: readonly Phase[];
  readonly memory: Memory;
  readonly model: MemoryArena;
  readonly scratch: MemoryArena;
  /** Tape range of the current (or last) step: first record, end of forward, end of loss. */
  readonly tapeStart: number;
  readonly forwardEnd: number;
  readonly lossEnd: number;
  /** Address of the step's output (loss), 0 before the first forward. */
  readonly output: number;
  /** The core's phased step when the engine is a trainer in a step, else null. */
  readonly phasedStep: PhasedStep | null;
  /** Completed steps. */
  readonly stepCount: number;
  /** Phase `mark`. */
  begin(): void;
  /** Phases `forward` (and `loss`): pushes every record of the step. */
  forward(): void;
  /** One node of `backward`; returns its address, or -1 when the sweep is done. */
  backwardNext(): number;
  /** Whether the sweep has visited every node. */
  readonly backwardDone: boolean;
  /** Tape index of the next node the sweep visits (the one after the last visited). */
  readonly backwardCursor: number;
  /** Where a whole step stops: after `reset` (a trainer) or after `backward` (a program). */
  readonly restPhase: 'reset' | 'backward';
  /** Phase `update`, for engines that have one. */
  update(): readonly TracedUpdate[];
  /** Phase `reset`: ends the checkpoint. */
  end(): void;
  /** Abandons a step part-way (scenario change, error): rewinds scratch. */
  abort(): void;
  /**
   * Keeps the stepper's own state (not memory: the arenas keep theirs) and returns what puts it
   * back; the event timeline restores a step's start with it.
   */
  saveState(): () => void;
}
