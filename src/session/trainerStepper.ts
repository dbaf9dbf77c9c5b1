/** A trainer (the guide's neuron, an MLP on a dataset) as a {@link Stepper}: the core's phased step. */
import {
  PHASES,
  abortStep,
  applyUpdate,
  backwardNext,
  beginStep,
  endStep,
  runForward,
  type PhasedStep,
  type StepReport,
  type TracedUpdate,
  type Trainer,
  writeParameters,
} from '../core';
import type { Stepper } from './stepper';

/** Drives `trainer` through the core's phased step. */
export class TrainerStepper implements Stepper {
  readonly phases = PHASES;
  readonly restPhase = 'reset';
  phasedStep: PhasedStep | null = null;
  /** Report of the last finished step, copied. */
  private lastReport: StepReport | null = null;
  private range = { tapeStart: 0, forwardEnd: 0, lossEnd: 0, output: 0 };

  constructor(readonly trainer: Trainer) {}

  get memory() {
    return this.trainer.memory;
  }
  get model() {
    return this.trainer.model;
  }
  get scratch() {
    return this.trainer.scratch;
  }
  get tapeStart() {
    return this.range.tapeStart;
  }
  get forwardEnd() {
    return this.range.forwardEnd;
  }
  get lossEnd() {
    return this.range.lossEnd;
  }
  get output() {
    return this.range.output;
  }
  /** Report of the last finished step (null before any, or after a jump). */
  get report(): StepReport | null {
    return this.lastReport;
  }
  get stepCount() {
    return this.trainer.step;
  }
  get backwardDone() {
    const s = this.phasedStep;
    return s !== null && s.phase === 'backward';
  }

  get backwardCursor() {
    return this.phasedStep ? this.phasedStep.backwardCursor : -1;
  }

  begin(): void {
    this.phasedStep = beginStep(this.trainer);
  }

  forward(): void {
    const s = this.require();
    try {
      runForward(s);
    } catch (error) {
      this.phasedStep = null; // runForward has ended the checkpoint
      throw error;
    }
    this.range = {
      tapeStart: s.tapeStart,
      forwardEnd: s.forwardEnd,
      lossEnd: s.lossEnd,
      output: s.loss >>> 0,
    };
  }

  backwardNext(): number {
    return backwardNext(this.require());
  }

  update(): readonly TracedUpdate[] {
    try {
      return applyUpdate(this.require());
    } catch (error) {
      this.phasedStep = null; // applyUpdate has ended the checkpoint
      throw error;
    }
  }

  end(): void {
    const s = this.require();
    this.lastReport = { ...endStep(s) };
    this.phasedStep = null;
  }

  abort(): void {
    if (this.phasedStep) abortStep(this.phasedStep);
    this.phasedStep = null;
  }

  saveState(): () => void {
    const { trainer, phasedStep, lastReport, range } = this;
    const step = trainer.step;
    const report = { ...trainer.report };
    return () => {
      trainer.step = step;
      Object.assign(trainer.report, report);
      this.phasedStep = phasedStep;
      this.lastReport = lastReport;
      this.range = range;
    };
  }

  /**
   * Puts the trainer at state `step` with `parameters` (time travel): any step in progress is
   * abandoned, and no last step is shown until one is taken or {@link showReport} is called.
   */
  jumpTo(step: number, parameters: ArrayLike<number>): void {
    this.abort();
    writeParameters(this.trainer.memory, this.trainer.mlp, parameters);
    this.trainer.step = step;
    this.lastReport = null;
  }

  /** Shows `report` as the last step's (restored from the run's history), or none. */
  showReport(report: StepReport | null): void {
    this.lastReport = report;
  }

  /** Loss and accuracy of the step in progress (NaN before its forward). */
  get current(): { loss: number; accuracy: number } {
    const s = this.phasedStep;
    return s ? { loss: s.lossValue, accuracy: s.accuracy } : { loss: NaN, accuracy: NaN };
  }

  private require(): PhasedStep {
    if (!this.phasedStep) throw new Error('no step in progress: take a checkpoint (mark) first');
    return this.phasedStep;
  }
}
