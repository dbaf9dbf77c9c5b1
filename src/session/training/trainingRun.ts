/**
 * The MLP scenario's run, a part of the session: its history (time travel), its decision
 * boundary, and fast play in the worker. The session tells it what happened (a step taken, a
 * weight edited, a new scenario); it moves the trainer on screen only through time travel, and
 * asks the session to redraw. It never learns of a change by watching the store.
 */
import { readParameters, type GridSpec } from '../../core';
import { firstRateDifference, sameModel, sameRun, type TrainingConfig } from '../../setup';
import type { SessionStore } from '../sessionStore';
import type { FromWorker } from '../worker/protocol';
import { BoundaryKeeper } from './boundaryKeeper';
import { FastPlay, type WorkerPort } from './fastPlay';
import { RunHistory } from './runHistory';
import { showState, travelTo, type TrainerOnScreen } from './timeTravel';

/** During fast play, the views are refreshed at most every this many ms. */
const VIEW_MS = 200;

/** What the run needs of the session. */
export interface RunHost {
  readonly store: SessionStore;
  /** The MLP trainer on screen, or null in another scenario. */
  trainerOnScreen(): TrainerOnScreen | null;
  /** Redraws every view from the engine's numbers. */
  publish(): void;
  /** Shows an error, pauses play. */
  fail(error: unknown): void;
  /** Whether play is on at the worker's speed. */
  wantsFastPlay(): boolean;
}

export class TrainingRun {
  history: RunHistory | null = null;
  private readonly boundaryKeeper = new BoundaryKeeper();
  private readonly fast: FastPlay;
  private config: TrainingConfig | null = null;
  private lastView = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly host: RunHost,
    createWorker: () => WorkerPort,
  ) {
    this.fast = new FastPlay(createWorker, (message) => this.onBatch(message));
  }

  dispose(): void {
    this.fast.dispose();
    this.boundaryKeeper.dispose();
  }

  /** The boundary's grid for the MLP on screen, or null. */
  get grid(): GridSpec | null {
    return this.boundaryKeeper.grid;
  }

  /** The latest boundary scores (row-major over `grid`), or null. */
  get boundary(): Float32Array | null {
    return this.boundaryKeeper.scores;
  }

  /** The dataset of the MLP on screen, or null. */
  get dataset() {
    return this.host.trainerOnScreen()?.trainer.dataset ?? null;
  }

  /** Calls `listener` whenever the history or the boundary changed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A new scenario is on screen (`previous` is what was). A setup that changed only the learning
   * rate plan goes on from the same weights, step and history (the plan's changes are where
   * the rate changes when the run replays); any other starts a run.
   */
  follow(previous: TrainerOnScreen | null, config: TrainingConfig): void {
    this.stopWorker();
    const on = this.host.trainerOnScreen();
    if (!on) {
      this.history = null;
      this.boundaryKeeper.reset(null);
      this.notify();
      return;
    }
    const { trainer } = on;
    const count = trainer.mlp.parameters.length;
    const keep =
      this.history !== null &&
      this.config !== null &&
      sameModel(config, this.config) &&
      this.history.paramCount === count;
    if (keep && previous && !sameRun(config, this.config!)) {
      this.goOnWithRate(on, previous, firstRateDifference(this.config!, config));
    } else if (!keep) {
      this.history = new RunHistory(count, readParameters(trainer.memory, trainer.mlp));
    }
    if (this.host.store.getState().playing) this.host.store.getState().setPlaying(false);
    this.host.store.getState().setWorkbench({ stepsPerSecond: 0 }); // a new scenario or a reset
    this.config = config;
    this.boundaryKeeper.reset(trainer);
    this.changed();
  }

  /**
   * The learning-rate plan changed from step `from` on (a rate segment added at the step on
   * screen, normally): the history up to there stays, and the run goes on from the step on
   * screen, or from `from` if the change reaches back before it.
   */
  private goOnWithRate(on: TrainerOnScreen, previous: TrainerOnScreen, from: number): void {
    const history = this.history!;
    const step = previous.trainer.step;
    if (from >= step) {
      history.truncate(step);
      showState(on, history, step, readParameters(previous.trainer.memory, previous.trainer.mlp));
      return;
    }
    history.truncate(from);
    try {
      travelTo(on, history, Math.min(from, history.length), Infinity);
    } catch (error) {
      this.host.fail(error);
    }
  }

  /** The session finished a training step on the main thread: record it. */
  stepped(): void {
    const on = this.host.trainerOnScreen();
    const history = this.history;
    if (!on || !history) return;
    const report = on.stepper.report;
    if (report && report.step === on.trainer.step - 1 && report.step <= history.length) {
      const { memory, mlp } = on.trainer;
      history.record(report.step, report.loss, report.accuracy, readParameters(memory, mlp));
    }
    this.boundaryKeeper.schedule(
      () => this.host.trainerOnScreen()?.trainer ?? null,
      () => this.notify(),
    );
    this.status();
    this.notify();
  }

  /** Weights were edited or imported at the current step: that state is now the edited one (the session redraws). */
  edited(): void {
    const on = this.host.trainerOnScreen();
    if (!on || !this.history) return;
    this.history.edit(on.trainer.step, readParameters(on.trainer.memory, on.trainer.mlp));
    this.boundaryKeeper.compute(on.trainer);
    this.status();
    this.notify();
  }

  /** Brings the model to `step`: back through the history, or forward by training in the worker. */
  placeAt(step: number): void {
    const on = this.host.trainerOnScreen();
    const history = this.history;
    if (!on || !history) return;
    this.stopWorker();
    const target = Math.max(0, Math.floor(step));
    try {
      travelTo(on, history, Math.min(target, history.length), Infinity);
    } catch (error) {
      this.host.fail(error);
    }
    this.boundaryKeeper.compute(on.trainer);
    this.changed();
    if (target > history.length) this.startWorker(on, target);
  }

  /** Play at the worker's speed was turned on or off. */
  setFastPlay(want: boolean): void {
    const on = this.host.trainerOnScreen();
    if (!on) return;
    if (want && this.fast.state === 'idle') this.startWorker(on, null);
    else if (!want && this.fast.state === 'running' && this.fast.playing) this.fast.pause();
  }

  /** The user stepped or reset: the worker's run gives way. */
  interrupt(): void {
    if (this.stopWorker()) this.host.store.getState().setPlaying(false);
  }

  private startWorker(on: TrainerOnScreen, until: number | null): void {
    if (on.playhead.inStep) {
      try {
        on.playhead.stepWhole(); // finish the step on screen first
      } catch (error) {
        on.playhead.recover();
        this.host.fail(error);
        return;
      }
      this.stepped();
    }
    this.fast.start(on.trainer, this.grid, until);
    this.host.store.getState().setWorkbench({ fast: true, targetStep: until });
  }

  /** Forgets the worker's run; returns whether one was going. */
  private stopWorker(): boolean {
    if (!this.fast.drop()) return false;
    this.host.store.getState().setWorkbench({ fast: false, targetStep: null });
    return true;
  }

  private onBatch(message: FromWorker): void {
    const on = this.host.trainerOnScreen();
    const history = this.history;
    if (!on || !history) return;
    const p = history.paramCount;
    if (message.firstStep <= history.length) {
      for (let k = 0; k < message.losses.length; k++) {
        const after = message.snapshots.subarray(k * p, (k + 1) * p);
        history.record(message.firstStep + k, message.losses[k], message.accuracies[k], after);
      }
    }
    if (message.grid) this.boundaryKeeper.accept(message.grid);
    // The views follow at most every VIEW_MS during the run (the history takes every batch).
    const time = performance.now();
    if (message.type === 'progress' && time - this.lastView < VIEW_MS) return;
    this.lastView = time;
    // At the end of a run (and on its first batch) the main trainer takes the last step itself
    // (a few ms), so the arenas, the graph and the caption show a real step; in between, and
    // past the dense history, it takes the worker's weights as they are.
    const real = message.type === 'paused' || message.firstStep === this.fast.startStep;
    if (!real || message.step > history.length || !travelTo(on, history, message.step, 0)) {
      const { nodes, scratchBytes, modelBytes } = message;
      showState(on, history, message.step, message.weights, { nodes, scratchBytes, modelBytes });
    }
    const state = this.host.store.getState();
    if (message.stepsPerSecond > 0) state.setWorkbench({ stepsPerSecond: message.stepsPerSecond });
    if (message.type === 'paused') {
      state.setWorkbench({ fast: false, targetStep: null });
      if (message.reason !== 'pause' && state.playing) state.setPlaying(false);
      if (message.error) state.setView({ error: message.error });
    }
    this.changed();
    if (this.fast.state === 'idle' && this.host.wantsFastPlay()) this.startWorker(on, null);
    if (history.full && this.fast.state === 'running') this.interrupt();
  }

  /** Redraws every view and tells the listeners. */
  private changed(): void {
    this.host.publish();
    this.status();
    this.notify();
  }

  private status(): void {
    const steps = this.history?.length ?? 0;
    const state = this.host.store.getState();
    if (state.workbench.historySteps !== steps) state.setWorkbench({ historySteps: steps });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
