/**
 * One caption per phase: the plain sentence first, then the terms of the domain (which the page
 * marks with their definitions), with the step's real numbers.
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
  /** Whether the phase on screen has run to its end (the backward sweep is done). */
  readonly done: boolean;
  /** The step's loss, or null while it is not computed and shown yet (mid-reveal). */
  readonly loss: number | null;
  readonly learningRate: number;
  readonly parameters: number;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** The loss as the caption says it: its number once computed, else that it is not yet. */
const lossText = (loss: number | null): string =>
  loss === null
    ? 'its records are revealed one by one, and its value shows once the last one is'
    : `loss = ${loss.toPrecision(4)}`;

/** The caption for `phase`. */
export function captionFor(phase: DisplayPhase, f: CaptionFacts): string {
  const drawnNote = f.drawn < f.records ? ` (${n(f.drawn)} of them drawn: one datapoint)` : '';
  switch (phase) {
    case 'ready':
      return f.trains
        ? `Step ${f.step}. The weights live in the model arena (orange) and persist. The scratch arena (blue) is empty: the faded boxes are the records the next step will push, with no numbers until it does. Press ↓ to begin.`
        : 'The program has not run yet: the faded boxes are the records it will push into the scratch arena, with no numbers until it does. Press ↓ to run it phase by phase.';
    case 'mark':
      return `The step starts by noting how full the scratch arena is (${n(f.markUsed)} bytes), so everything it makes can be freed at once at the end: scratch.mark() saves the bump pointer.`;
    case 'forward':
      return f.trains
        ? `The network computes its output, and every number it makes gets its own 32-byte record in scratch: inputs first, then every ×, + and activation. Parents come before children, so the allocation order is already a topological order: the tape.`
        : `The program runs: each operation puts one 32-byte record into scratch, parents before children, so the allocation order is the tape.`;
    case 'loss':
      return `How wrong is the output? The loss is computed on top of the forward pass: ${lossText(f.loss)}. The step now holds ${n(f.records)} records, ${n(f.bytes)} bytes in all${drawnNote}.`;
    case 'backward':
      if (f.done)
        return f.trains
          ? `The sweep is done: every record holds how much it moves the loss (its gradient), each visited once. Press ↓ for the update.`
          : `The program is evaluated and differentiated: every node is one 32-byte record in scratch holding its value and its gradient (how much it moves the output). Press ↓ to run it again phase by phase.`;
      return `Now every number learns how much it moves the ${f.trains ? 'loss' : 'output'}: one sweep down the tape, from the ${f.trains ? 'loss' : 'output'} to the first record, each node adding its gradient into its parents by its op's rule (the chain rule). No recursion, no visited set: each node once.`;
    case 'update':
      return `The weights take a small step against their gradients: SGD writes w ← w − ${f.learningRate} · w.grad into the model arena, for all ${n(f.parameters)} parameters. The scratch records are still there.`;
    case 'reset':
      return `The whole step is freed at once: checkpoint.end() moved one pointer back to ${n(f.markUsed)} bytes, and ${n(f.records)} records (${n(f.bytes)} bytes) are gone: no per-node free, no garbage collector.${f.trains ? ' The weights stay, with their new values.' : ''}`;
  }
}
