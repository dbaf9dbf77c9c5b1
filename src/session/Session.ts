/**
 * The session: the one owner of what runs on screen. It builds the scenario the store asks for,
 * steps it (by node, phase or step; by its play clock, in the worker through its training run;
 * in predict mode stopping to ask), travels in time, takes weight edits, and tells every view:
 * `screen` + `memoryVersion`, React's low-rate summaries, the graph by painting it.
 */
import { ExpressionError } from '../core';
import type { AppState } from '../store/appStore';
import { AnimationLoop } from '../viz/animationLoop';
import type { GraphViewHandle } from './graphViewHandle';
import { animateOn } from './animateEvent';
import { CompareRun } from './compare/compareRun';
import { CppCompareRun } from './compare/cppCompareRun';
import { applyDrawing, buildOrKeep, buildScenario, type Scenario } from './buildScenario';
import { MemoryChartFeed } from './memoryChartFeed';
import type { OnScreenMemory } from './onScreenMemory';
import { PlayClock } from './playClock';
import type { Playhead, PlayheadEvent } from './playhead';
import { playsInWorker, speedEntering } from './playSpeeds';
import { PacedBackward, playTick, type TickHost } from './playTicks';
import { PredictTurn } from './predict/predictTurn';
import { publishScreen, publishTimeline, showError } from './publishScreen';
import { ProgramDebounce } from './programDebounce';
import { Rewind } from './rewind';
import { paintContextOf } from './screenSummary';
import type { SessionStore } from './sessionStore';
import type { WorkerPort } from './training/fastPlay';
import { trainerOnScreen } from './training/timeTravel';
import { TrainingRun } from './training/trainingRun';
import { WeightCommands } from './weightCommands';

/** Owns the scenario on screen. */
export class Session {
  scenario: Scenario | null = null;
  /** The memory on screen, read in place by the memory views. */
  screen: OnScreenMemory | null = null;
  /** The MLP scenario's run (history, boundary, fast play). */
  readonly training: TrainingRun;
  /** Before vs after: the JS engines measured; the guide's C++ rows and heap lab. */
  readonly compare = new CompareRun();
  readonly cpp = new CppCompareRun();
  private view: GraphViewHandle | null = null;
  private readonly loop = new AnimationLoop();
  private readonly clock = new PlayClock();
  private readonly chartFeed = new MemoryChartFeed();
  private unsubscribe: (() => void) | null = null;
  private readonly program = new ProgramDebounce(() => this.rebuildProgram());
  /** Stepping back: the step's events and earlier steps' starts (the MLP's through its run). */
  private readonly rewind = new Rewind(this);
  private readonly ticks: TickHost = {
    clock: this.clock,
    act: (action, now, oneNode) => this.act(action, false, now, oneNode),
    publish: () => this.publish(),
    playhead: () => this.scenario?.playhead ?? null,
  };
  /** ↓ into backward plays the sweep node by node (Space pauses, ↓ skips to its end). */
  private readonly paced = new PacedBackward(this.ticks);
  /** Predict mode (the step keys stop to ask before a reveal); weight edits between steps. */
  readonly predict: PredictTurn;
  readonly weights: WeightCommands;

  constructor(
    private readonly store: SessionStore,
    createWorker: () => WorkerPort,
  ) {
    this.training = new TrainingRun(
      {
        store,
        trainerOnScreen: () => trainerOnScreen(this.scenario),
        publish: () => this.republish(),
        fail: (error) => this.fail(error),
        wantsFastPlay: () => store.getState().playing && playsInWorker(store.getState()),
      },
      createWorker,
    );
    const scenario = () => this.scenario;
    this.predict = new PredictTurn({
      store,
      scenario,
      stepNode: (publish) => this.userAct((p) => p.stepNode(), true, publish),
      publish: () => this.publish(),
    });
    this.weights = new WeightCommands({ store, scenario, edited: () => this.edited() });
  }

  /** Builds the first scenario and starts following the store. */
  start(): void {
    this.rebuild();
    this.unsubscribe = this.store.subscribe(this.onStore);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.loop.stop();
    this.training.dispose();
    this.program.dispose();
  }

  /** Connects the graph view (on mount); `detach` on unmount. */
  attach(view: GraphViewHandle): void {
    this.view = view;
    this.showGraph();
    this.publish();
  }
  detach(view: GraphViewHandle): void {
    if (this.view === view) this.view = null;
  }

  stepNode = (): void =>
    void (this.predict.step('node') || this.userAct((p) => p.stepNode(), true));
  stepWhole = (): void => void (this.predict.step('whole') || this.userAct((p) => p.stepWhole()));
  /** One phase; into backward, plays the sweep node by node at the chosen speed. */
  stepPhase = (): void => {
    if (this.predict.step('phase')) return;
    if (this.paced.start(() => this.userAct((p) => p.stepNode(), true)))
      return this.loop.run(this.frame);
    this.userAct((p) => p.stepPhase());
  };

  /** One event back (← or Backspace), across a step's start too. */
  stepBack = (): void => this.moveBack((r) => r.backNode());
  /** Back to the end of the previous phase (↑). */
  phaseBack = (): void => this.moveBack((r) => r.backPhase());
  /** To event `k` of the step on screen (the event slider). */
  placeEvent = (k: number): void => this.moveBack((r) => r.placeAt(k));
  private moveBack(move: (r: Rewind) => boolean): void {
    this.training.interrupt();
    this.paced.active = false;
    this.store.getState().setPlaying(false);
    this.view?.renderer.animations.clear();
    if (!move(this.rewind)) return;
    this.predict.moved();
    this.publish();
  }

  /** Back to the scenario's initial weights (or the program's first evaluation). */
  reset = (): void => {
    this.training.interrupt();
    this.store.getState().setPlaying(false);
    this.rebuild();
  };

  /** Plays or pauses (a paced backward pauses first); in predict mode, on to the next question. */
  togglePlay = (): void => {
    if (this.paced.active) return void (this.paced.active = false);
    if (this.predict.step('whole')) return;
    this.store.getState().setPlaying(!this.store.getState().playing);
  };

  /** Fits the graph to its view. */
  fit = (): void => this.view?.renderer.fit();
  /** Puts the MLP at training step `step`: back through its history or forward by training. */
  placeAt = (step: number): void => {
    this.store.getState().setPlaying(false);
    this.training.placeAt(step);
  };

  private edited(): void {
    this.rewind.forget();
    this.training.edited();
    this.publish();
  }

  private userAct(action: (p: Playhead) => PlayheadEvent, oneNode = false, publish = true) {
    this.training.interrupt();
    return this.act(action, publish, performance.now(), oneNode);
  }

  private act(action: (p: Playhead) => PlayheadEvent, publish = true, now = 0, oneNode = false) {
    const scenario = this.scenario;
    if (!scenario) return false;
    const before = scenario.stepper.stepCount;
    try {
      this.rewind.beforeAct();
      this.animate(action(scenario.playhead), now);
      this.rewind.afterAct(oneNode);
    } catch (error) {
      scenario.playhead.recover();
      this.rewind.forget();
      this.fail(error);
      return false;
    }
    if (scenario.stepper.stepCount !== before && scenario.id === 'mlp') this.training.stepped();
    if (publish) this.publish();
    return true;
  }

  private animate(event: PlayheadEvent, now: number): void {
    const { view, scenario } = this;
    if (view && animateOn(view.renderer.animations, event, this.store.getState(), scenario, now))
      this.loop.run(this.frame);
  }

  /** Shows an error (a program's at its line and column) and pauses; the model is as it was. */
  private fail(error: unknown): void {
    if (showError(this.store.getState(), error)) this.publish();
  }

  private readonly frame = (now: number): boolean => {
    const state = this.store.getState();
    let more = false;
    if (this.paced.active) more = this.paced.tick(now, state.speed);
    else if (state.playing && this.scenario && !playsInWorker(state)) {
      playTick(this.ticks, now, state.speed);
      more = this.store.getState().playing;
    }
    const animating = this.view?.renderer.animations.frame(now) ?? false;
    return more || animating;
  };

  private readonly onStore = (s: AppState, prev: AppState): void => {
    if (
      s.scenario !== prev.scenario ||
      s.arenaOptions !== prev.arenaOptions ||
      (s.training !== prev.training && s.scenario === 'mlp')
    ) {
      this.rebuild();
      return;
    }
    if (this.scenario && applyDrawing(this.scenario, s, prev)) {
      this.showGraph();
      this.publish();
    }
    if (s.program !== prev.program && s.scenario === 'playground') this.program.schedule();
    if (s.selectedAddress !== prev.selectedAddress || s.hoveredAddress !== prev.hoveredAddress)
      this.repaint();
    if (s.predict !== prev.predict || s.predictKinds !== prev.predictKinds) {
      this.predict.moved();
      this.publish();
    }
    if (s.playing !== prev.playing || s.speed !== prev.speed) {
      this.clock.restart();
      this.training.setFastPlay(s.playing && playsInWorker(s));
      if (s.playing && !playsInWorker(s)) this.loop.run(this.frame);
    }
  };

  private rebuild(): void {
    const s = this.store.getState();
    const previous = trainerOnScreen(this.scenario);
    this.view?.renderer.animations.clear();
    this.paced.active = false;
    this.rewind.forget();
    if (s.scenario !== this.scenario?.id) s.setSpeed(speedEntering(s.scenario, s.speed));
    const built = buildOrKeep(s, this.scenario);
    if (built.error) this.fail(built.error);
    else s.setView({ error: built.scenario?.probeError?.message ?? null, expressionError: null });
    this.scenario = built.scenario;
    if (built.error && !(built.error instanceof ExpressionError)) return;
    if (!built.error) this.rewind.adopt(built.scenario?.opening ?? null);
    this.training.follow(previous, s.training);
    this.predict.restarted();
    this.showGraph();
    this.publish();
  }

  /** A program edit, once typing paused: a malformed one keeps the last good graph on screen. */
  private rebuildProgram(): void {
    const s = this.store.getState();
    if (s.scenario !== 'playground') return;
    try {
      this.scenario = buildScenario(s);
    } catch (error) {
      return this.fail(error);
    }
    this.rewind.adopt(this.scenario.opening);
    s.setView({ expressionError: null, error: null });
    this.predict.restarted();
    this.showGraph();
    this.publish();
  }

  private showGraph(): void {
    this.rewind.redraw();
    const scenario = this.scenario;
    if (scenario && this.view) this.view.renderer.setGraph(scenario.spec, scenario.layout);
  }

  private repaint(): void {
    if (this.scenario && this.view)
      this.view.renderer.paint(paintContextOf(this.scenario, this.store.getState()));
  }

  /** The training run moved the trainer (time travel, a worker batch): the step starts anew. */
  private republish(): void {
    this.rewind.forget();
    this.publish();
  }

  /** Tells every view that the engine changed: the screen, store summaries, graph, chain rule. */
  private publish(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    const state = this.store.getState();
    publishTimeline(state, state.playing ? null : this.rewind.summary());
    publishScreen(scenario, this, state, this.view?.chainRule);
    this.chartFeed.observe(this.screen!, this.store.getState()); // fresh: the stats just changed
    this.repaint();
  }
}
