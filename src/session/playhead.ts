/**
 * Stepping at three grains over a {@link Stepper}: a node (inside forward and backward), a
 * phase (mark → forward → loss → backward → update → reset), or a whole step. Pure logic, no
 * DOM: the session turns the events it returns into animation and captions.
 *
 * Forward pushes every record at once (the stepper cannot stop half-way through a batch); the
 * playhead then *reveals* them in tape order: `revealed` is one past the last record shown.
 * Node steps skip records that are not drawn (`isShown`), so one press always shows something.
 */
import { parentCountAt, type DisplayPhase, type Phase, type TracedUpdate } from '../core';
import type { Stepper } from './stepper';

/** What one action did, for the view. */
export type PlayheadEvent =
  | { kind: 'phase'; phase: DisplayPhase }
  | { kind: 'reveal'; phase: DisplayPhase; from: number; to: number }
  | { kind: 'visit'; address: number; tapeIndex: number }
  | { kind: 'sweep'; from: number; to: number }
  | { kind: 'update'; updates: readonly TracedUpdate[] }
  | { kind: 'reset'; freedFrom: number; freedTo: number }
  | { kind: 'step' };

/** Drives one stepper; `phase`, `revealed` and `current` are what the views read. */
export class Playhead {
  phase: DisplayPhase;
  /** Scratch tape index one past the last record shown. */
  revealed: number;
  /** Address of the node backward visited last (-1 when none is current). */
  current = -1;
  /** Tape index of that node. */
  currentIndex = -1;
  /** Updates of the last update phase. */
  updates: readonly TracedUpdate[] = [];
  /** Scratch bytes in use before and after the last reset. */
  freed = { from: 0, to: 0 };
  /** Which scratch tape indices are drawn (node steps stop only at those). */
  isShown: (tapeIndex: number) => boolean = () => true;
  /** Whether backward node steps pass over records with nothing to pass on (no parents). */
  skipsLeaves = false;

  constructor(
    readonly stepper: Stepper,
    initial: DisplayPhase = 'ready',
  ) {
    this.phase = initial;
    this.revealed = stepper.scratch.tapeLength;
  }

  /** Whether a step is under way (between mark and reset). */
  get inStep(): boolean {
    return this.phase !== 'ready' && this.phase !== 'reset';
  }

  /** The phase after `phase` for this stepper (a new step's mark after reset). */
  nextPhase(phase: DisplayPhase = this.phase): Phase {
    const phases = this.stepper.phases;
    if (phase === 'ready' || phase === 'reset') return 'mark';
    return phases[phases.indexOf(phase) + 1] ?? 'reset';
  }

  /** Whether the current phase has nothing left to show. */
  get phaseComplete(): boolean {
    switch (this.phase) {
      case 'forward':
      case 'loss':
        return this.revealed >= this.phaseEnd();
      case 'backward':
        return this.stepper.backwardDone;
      default:
        return true;
    }
  }

  /** Finishes the current phase, or runs the next one whole. */
  stepPhase(): PlayheadEvent {
    if (!this.phaseComplete) return this.finishPhase();
    return this.enter(this.nextPhase());
  }

  /**
   * One node inside forward, loss and backward; a whole phase elsewhere. A program rests after
   * its sweep: the last node's visit, then one more event, the sweep done with no node marked.
   */
  stepNode(): PlayheadEvent {
    if (this.phaseComplete && this.phase === this.stepper.restPhase && this.current >= 0) {
      this.current = -1;
      this.currentIndex = -1;
      return { kind: 'phase', phase: this.phase };
    }
    if (this.phaseComplete) {
      const next = this.nextPhase();
      if (next !== 'forward' && next !== 'loss' && next !== 'backward') return this.enter(next);
      if (next === 'forward') this.stepper.forward();
      this.phase = next;
      this.current = -1;
      this.currentIndex = -1;
    }
    if (this.phase === 'backward') return this.visitNext();
    const end = this.phaseEnd();
    const from = this.revealed;
    let k = from;
    while (k < end - 1 && !this.isShown(k)) k++;
    this.revealed = Math.min(end, k + 1);
    return { kind: 'reveal', phase: this.phase, from, to: this.revealed };
  }

  /**
   * Runs phases until the stepper's rest point: after `reset` for a trainer (one training step),
   * after `backward` for a program (re-evaluated, gradients in place).
   */
  stepWhole(): PlayheadEvent {
    const rest = this.stepper.restPhase;
    do this.stepPhase();
    while (!(this.phase === rest && this.phaseComplete));
    return { kind: 'step' };
  }

  /** After an stepper error: abandons the step and returns to rest. */
  recover(): void {
    this.stepper.abort();
    this.rest();
  }

  /** Shows the stepper at rest between steps (after time travel moved it). */
  rest(): void {
    this.phase = this.stepper.stepCount > 0 ? 'reset' : 'ready';
    this.revealed = this.stepper.scratch.tapeLength;
    this.current = -1;
    this.currentIndex = -1;
  }

  private phaseEnd(): number {
    const e = this.stepper;
    return this.phase === 'forward' && e.phases.includes('loss') ? e.forwardEnd : e.lossEnd;
  }

  private visitNext(): PlayheadEvent {
    const e = this.stepper;
    for (;;) {
      const address = e.backwardNext();
      if (address < 0) {
        this.current = -1;
        this.currentIndex = -1;
        return { kind: 'phase', phase: 'backward' };
      }
      const k = e.backwardCursor + 1;
      const passes = !this.skipsLeaves || parentCountAt(e.memory, address) > 0;
      if ((this.isShown(k) && passes) || e.backwardDone) {
        this.current = address;
        this.currentIndex = k;
        return { kind: 'visit', address, tapeIndex: k };
      }
    }
  }

  private finishPhase(): PlayheadEvent {
    if (this.phase === 'backward') {
      const from = this.stepper.backwardCursor;
      while (this.stepper.backwardNext() >= 0);
      this.current = -1;
      this.currentIndex = -1;
      return { kind: 'sweep', from, to: this.stepper.tapeStart };
    }
    const from = this.revealed;
    this.revealed = this.phaseEnd();
    return { kind: 'reveal', phase: this.phase, from, to: this.revealed };
  }

  private enter(phase: Phase): PlayheadEvent {
    const e = this.stepper;
    this.current = -1;
    this.currentIndex = -1;
    switch (phase) {
      case 'mark':
        e.begin();
        this.phase = 'mark';
        this.revealed = e.scratch.tapeLength;
        this.updates = [];
        return { kind: 'phase', phase };
      case 'forward':
        e.forward();
        this.phase = 'forward';
        return this.finishPhase();
      case 'loss':
      case 'backward':
        this.phase = phase;
        return this.finishPhase();
      case 'update':
        this.updates = e.update();
        this.phase = 'update';
        return { kind: 'update', updates: this.updates };
      case 'reset': {
        const from = e.scratch.used;
        e.end();
        this.phase = 'reset';
        this.revealed = e.scratch.tapeLength;
        this.freed = { from, to: e.scratch.used };
        return { kind: 'reset', freedFrom: from, freedTo: e.scratch.used };
      }
    }
  }
}
