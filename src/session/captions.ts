/**
 * One caption per phase, text first: what the step is about to show, with its real numbers.
 * Pure functions of the phase and a few facts about the engine.
 */
import type { DisplayPhase } from '../core';

/** Facts a caption quotes. */
export interface CaptionFacts {
  /** Whether the engine trains (has a loss and an update) or evaluates a program. */
  readonly trains: boolean;
  /** Completed steps. */
  readonly step: number;
  /** Scratch bytes in use at the checkpoint (where reset rewinds to). */
  readonly markUsed: number;
  /** Records pushed by the step and their bytes. */
  readonly records: number;
  readonly bytes: number;
  /** Records drawn of those. */
  readonly drawn: number;
  readonly loss: number;
  readonly learningRate: number;
  readonly parameters: number;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** The caption for `phase`. */
export function captionFor(phase: DisplayPhase, f: CaptionFacts): string {
  const drawnNote = f.drawn < f.records ? ` (${n(f.drawn)} of them drawn: one datapoint)` : '';
  switch (phase) {
    case 'ready':
      return f.trains
        ? `Step ${f.step}. The weights live in the model arena (orange) and persist. The scratch arena (blue) is empty: faded nodes are the graph the next step will build. Press ↓ to begin.`
        : 'The program is evaluated into the scratch arena: every node is one 32-byte record. Press ↓ to re-run it phase by phase.';
    case 'mark':
      return `mark: scratch.mark() remembers the bump pointer (${n(f.markUsed)} bytes used). Everything pushed from now on is freed at once when the step ends.`;
    case 'forward':
      return f.trains
        ? `forward: each op pushes one 32-byte record into scratch: inputs first, then every ×, + and activation. Parents are pushed before children, so allocation order is a topological order: the tape.`
        : `forward: each op of the program pushes one 32-byte record into scratch, parents before children: the allocation order is the tape.`;
    case 'loss':
      return `loss: the loss graph goes on top of the forward pass: ${n(f.records)} records, ${n(f.bytes)} bytes in all${drawnNote}. loss = ${f.loss.toPrecision(4)}.`;
    case 'backward':
      return `backward: one sweep down the tape, from the ${f.trains ? 'loss' : 'output'} to the first record. Each node adds its gradient into its parents by its op's rule (chain rule). No recursion, no visited set: each node once.`;
    case 'update':
      return `update: SGD writes into the model arena: w ← w − ${f.learningRate} · w.grad, for all ${n(f.parameters)} parameters. The scratch records are still there.`;
    case 'reset':
      return `reset: checkpoint.end() moved one pointer back to ${n(f.markUsed)} bytes. ${n(f.records)} records (${n(f.bytes)} bytes) are freed at once: no per-node free, no garbage collector.${f.trains ? ' The weights stay, with their new values.' : ''}`;
  }
}
