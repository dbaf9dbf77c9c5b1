/**
 * The training runner on the page: keeps the run's history, plays fast in the worker, travels
 * to a requested step, and keeps the main-thread trainer (the one the graph and memory views
 * show) in step with all of it. Slow stepping stays the session's; the runner records each
 * step it takes.
 */
import { trainStep, type StepReport, type Trainer } from '../core';
import type { Scenario } from '../scenarios/buildScenario';
import type { Session, SessionStore } from '../scenarios/session';
import { playsInWorker } from '../scenarios/speeds';
import { TrainerEngine } from '../scenarios/trainerEngine';
import type { AppState } from '../store/appStore';
import type { TrainingConfig } from '../store/trainingSlice';
import { onWeightsEdited } from '../store/weightsEdited';
import { sameModel, sameRun } from './config';
import { BoundaryKeeper } from './boundaryKeeper';
import type { GridSpec } from './grid';
import { RunHistory } from './history';
import { readParameters, writeParameters } from './params';
import type { FromWorker, ToWorker } from './protocol';

/** What the runner needs of a Worker. */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  terminate(): void;
}

/** During fast play, the views are refreshed at most every this many ms. */
const VIEW_MS = 200;

/** Drives training for the MLP scenario. */
export class TrainingRunner {
  history: RunHistory | null = null;
  private readonly boundaryKeeper = new BoundaryKeeper();
  private scenario: Scenario | null = null;
  private config: TrainingConfig | null = null;
  private worker: WorkerPort | null = null;
  private run = 0;
  private fast: 'idle' | 'running' | 'stopping' = 'idle';
  /** Whether the worker's run is fast play (else training forward to a requested step). */
  private playing = false;
  /** The step the worker's run started from. */
  private startStep = 0;
  private lastView = 0;
  private applying = false;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: SessionStore,
    private readonly session: Session,
    private readonly createWorker: () => WorkerPort,
  ) {}

  /** Starts following the store and the session (call after `session.start()`). */
  start(): void {
    this.session.onUserAction = () => this.interrupt();
    const unsubscribeStore = this.store.subscribe(this.onStore);
    const unsubscribeEdits = onWeightsEdited((trainer) => this.onWeightsEdited(trainer));
    this.unsubscribe = () => {
      unsubscribeStore();
      unsubscribeEdits();
    };
    this.onScenario();
    this.takeRequest();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.session.onUserAction = null;
    this.worker?.terminate();
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

  /** Calls `listener` whenever the history or the boundary changed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The dataset of the MLP on screen, or null. */
  get dataset() {
    return this.trainer?.dataset ?? null;
  }

  /** The trainer on screen when it is the MLP scenario's. */
  private get trainer() {
    const scenario = this.scenario;
    return scenario && scenario.id === 'mlp' ? scenario.trainer : null;
  }

  private readonly onStore = (s: AppState, prev: AppState): void => {
    if (this.session.scenario !== this.scenario) this.onScenario();
    if (!this.trainer) return;
    const wantFast = s.playing && playsInWorker(s);
    if (wantFast && this.fast === 'idle') this.startFast(null);
    else if (!wantFast && this.fast === 'running' && this.playing) this.stopFast();
    if (s.requestedStep !== null && s.requestedStep !== prev.requestedStep) this.takeRequest();
    if (s.stats.step !== prev.stats.step && !this.applying && this.fast === 'idle')
      this.onMainStep();
  };

  private onScenario(): void {
    const previous = this.scenario;
    const next = this.session.scenario;
    this.drop();
    this.scenario = next;
    const trainer = this.trainer;
    if (!trainer) {
      this.history = null;
      this.boundaryKeeper.reset(null);
      this.notify();
      return;
    }
    const config = this.store.getState().training;
    const old = previous?.id === 'mlp' ? previous.trainer : null;
    const count = trainer.mlp.parameters.length;
    const keep =
      this.history &&
      this.config &&
      sameModel(config, this.config) &&
      this.history.paramCount === count;
    if (keep && old && !sameRun(config, this.config!)) {
      // Only the learning rate or schedule changed: go on from the same weights and step.
      const step = old.step;
      writeParameters(trainer.memory, trainer.mlp, readParameters(old.memory, old.mlp));
      trainer.step = step;
      this.history!.truncate(step);
      this.restoreReport(step);
      this.store.getState().setPlaying(false);
    } else if (!keep) {
      this.history = new RunHistory(count, readParameters(trainer.memory, trainer.mlp));
      if (this.store.getState().playing) this.store.getState().setPlaying(false);
    }
    this.config = config;
    this.boundaryKeeper.reset(trainer);
    this.refresh();
    this.takeRequest();
  }

  /** Weights were edited or imported at the current step: that state is now the edited one. */
  private onWeightsEdited(edited: Trainer): void {
    const trainer = this.trainer;
    if (edited !== trainer || !this.history) return;
    this.history.edit(trainer.step, readParameters(trainer.memory, trainer.mlp));
    this.computeBoundary();
    this.refresh();
  }

  /** A step the session took on the main thread: record it. */
  private onMainStep(): void {
    const trainer = this.trainer;
    const engine = this.scenario?.engine;
    const history = this.history;
    if (!trainer || !history || !(engine instanceof TrainerEngine)) return;
    const report = engine.lastReport;
    if (report && report.step === trainer.step - 1 && report.step <= history.length) {
      history.record(
        report.step,
        report.loss,
        report.accuracy,
        readParameters(trainer.memory, trainer.mlp),
      );
      this.status();
    }
    this.scheduleBoundary();
    this.notify();
  }

  /** Brings the model to the requested step, if any. */
  private takeRequest(): void {
    const state = this.store.getState();
    const target = state.requestedStep;
    const trainer = this.trainer;
    const history = this.history;
    if (target === null || !trainer || !history) return;
    state.requestStep(null);
    this.drop();
    if (state.playing) state.setPlaying(false);
    const step = Math.max(0, Math.floor(target));
    this.restore(Math.min(step, history.length));
    if (step > history.length) this.startFast(step);
  }

  /** Puts the main trainer at state `step` (≤ history length) and tells every view. */
  private restore(step: number): void {
    this.place(step, Infinity);
    this.computeBoundary();
    this.refresh();
  }

  /**
   * Puts the main trainer at state `step`: from the nearest kept state it replays (at most
   * `maxReplay` steps, deterministic: the same numbers again) to `step − 1`, then takes the last
   * step through the session's controller, so the arenas, the graph and the caption show a real
   * step. Returns false (and changes nothing) when that would take more than `maxReplay` steps.
   */
  private place(step: number, maxReplay: number): boolean {
    const trainer = this.trainer!;
    const history = this.history!;
    const { controller, engine } = this.scenario!;
    const kept = history.nearestState(Math.max(0, step - 1));
    if (step - 1 - kept.state > maxReplay) return false;
    if (controller.inStep) controller.recover();
    writeParameters(trainer.memory, trainer.mlp, kept.parameters);
    trainer.step = kept.state;
    while (trainer.step < step - 1) trainStep(trainer);
    (engine as TrainerEngine).lastReport = null;
    controller.phase = 'ready';
    if (step === 0) return true;
    try {
      controller.stepWhole();
      // A step recorded under an earlier learning rate: its loss is the same (computed before
      // the update), its result is the one the history kept.
      const after = history.nearestState(step);
      if (after.state === step) writeParameters(trainer.memory, trainer.mlp, after.parameters);
    } catch (error) {
      // Cannot happen for a step that ran before; if it does, show the state directly.
      controller.recover();
      writeParameters(trainer.memory, trainer.mlp, history.nearestState(step).parameters);
      trainer.step = step;
      this.restoreReport(step);
      this.fail(error);
    }
    return true;
  }

  /** Sets the engine's last report (and the controller's rest phase) for state `step`. */
  private restoreReport(step: number, extra?: Partial<StepReport>): void {
    const scenario = this.scenario!;
    const engine = scenario.engine as TrainerEngine;
    const history = this.history!;
    const trainer = this.trainer!;
    engine.lastReport =
      step > 0
        ? {
            ...trainer.report,
            ...extra,
            step: step - 1,
            loss: history.lossAt(step - 1),
            accuracy: history.accuracyAt(step - 1),
          }
        : null;
    scenario.controller.phase = step > 0 ? 'reset' : 'ready';
  }

  private startFast(until: number | null): void {
    const trainer = this.trainer!;
    const { controller } = this.scenario!;
    if (controller.inStep) {
      try {
        controller.stepWhole(); // finish the step on screen first
      } catch (error) {
        controller.recover();
        this.fail(error);
        return;
      }
      this.onMainStep();
    }
    this.worker ??= this.connect();
    this.run++;
    this.startStep = trainer.step;
    this.worker.postMessage({
      type: 'load',
      run: this.run,
      settings: trainer.settings,
      step: trainer.step,
      weights: readParameters(trainer.memory, trainer.mlp),
      grid: this.grid,
    });
    this.worker.postMessage({ type: 'start', run: this.run, until });
    this.fast = 'running';
    this.playing = until === null;
    this.store.getState().setWorkbench({ fast: true });
  }

  private stopFast(): void {
    this.worker?.postMessage({ type: 'pause', run: this.run });
    this.fast = 'stopping';
  }

  /** Forgets the worker's run: what it still sends is ignored; the main trainer stays as is. */
  private drop(): void {
    if (this.fast === 'idle') return;
    this.worker?.postMessage({ type: 'pause', run: this.run });
    this.run++;
    this.fast = 'idle';
    this.store.getState().setWorkbench({ fast: false });
  }

  /** The user stepped or reset: fast play gives way. */
  private interrupt(): void {
    if (this.fast === 'idle') return;
    this.drop();
    this.store.getState().setPlaying(false);
  }

  private connect(): WorkerPort {
    const worker = this.createWorker();
    worker.onmessage = (event) => this.onWorker(event.data);
    return worker;
  }

  private onWorker(message: FromWorker): void {
    if (message.run !== this.run || this.fast === 'idle' || !this.trainer) return;
    const trainer = this.trainer;
    const history = this.history!;
    const count = message.losses.length;
    const p = history.paramCount;
    if (message.firstStep <= history.length) {
      for (let k = 0; k < count; k++) {
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
    const real = message.type === 'paused' || message.firstStep === this.startStep;
    if (!real || message.step > history.length || !this.place(message.step, 0)) {
      writeParameters(trainer.memory, trainer.mlp, message.weights);
      trainer.step = message.step;
      this.restoreReport(message.step, {
        nodes: message.nodes,
        scratchBytes: message.scratchBytes,
        modelBytes: message.modelBytes,
      });
    }
    const state = this.store.getState();
    if (message.stepsPerSecond > 0) state.setWorkbench({ stepsPerSecond: message.stepsPerSecond });
    if (message.type === 'paused') {
      this.fast = 'idle';
      state.setWorkbench({ fast: false });
      if (message.reason !== 'pause' && state.playing) state.setPlaying(false);
      if (message.error) state.setView({ error: message.error });
    }
    this.refresh();
    const now = this.store.getState();
    if (this.fast === 'idle' && now.playing && playsInWorker(now)) this.startFast(null);
    if (history.full && this.fast === 'running') this.interrupt();
  }

  private fail(error: unknown): void {
    const state = this.store.getState();
    state.setPlaying(false);
    state.setView({ error: error instanceof Error ? error.message : String(error) });
  }

  private scheduleBoundary(): void {
    this.boundaryKeeper.schedule(
      () => this.trainer,
      () => this.notify(),
    );
  }

  /** Evaluates the grid on the main thread with the trainer's current weights. */
  private computeBoundary(): void {
    const trainer = this.trainer;
    if (trainer) this.boundaryKeeper.compute(trainer);
  }

  /** Tells the session, the store and the listeners that the trainer changed. */
  private refresh(): void {
    this.applying = true;
    try {
      this.session.refresh();
    } finally {
      this.applying = false;
    }
    this.status();
    this.notify();
  }

  private status(): void {
    const steps = this.history?.length ?? 0;
    const state = this.store.getState();
    if (state.workbench.historySteps !== steps) state.setWorkbench({ historySteps: steps });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
