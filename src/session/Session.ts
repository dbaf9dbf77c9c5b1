/**
 * The session: the one owner of what runs on screen. It builds the scenario the store asks for,
 * steps it (by node, phase or whole step; animated by its play clock, or at full speed in the
 * worker through its training run), travels in time, takes weight edits, and tells every view:
 * the memory views through `screen` + the store's `memoryVersion`, React through low-rate
 * summaries, the graph by painting it. The UI calls its commands; nothing else moves the engine.
 */
import { ExpressionError, type Trainer } from '../core';
import { applyWeights } from '../core/io/weightsCodec';
import { DEFAULT_PROGRAM } from '../setup';
import type { AppState } from '../store/appStore';
import { AnimationLoop } from '../viz/animationLoop';
import type { GraphRenderer } from '../viz/graph/GraphRenderer';
import { animateEvent } from './animateEvent';
import { CompareRun } from './compare/compareRun';
import { applyCollapse, buildScenario, selectDatapoint, type Scenario } from './buildScenario';
import { MemoryChartFeed } from './memoryChartFeed';
import type { OnScreenMemory } from './onScreenMemory';
import { PlayClock } from './playClock';
import type { Playhead, PlayheadEvent } from './playhead';
import { SPEEDS, playsInWorker } from './playSpeeds';
import { publishScreen } from './publishScreen';
import { paintContextOf } from './screenSummary';
import type { SessionStore } from './sessionStore';
import type { WorkerPort } from './training/fastPlay';
import { trainerOnScreen } from './training/timeTravel';
import { TrainingRun } from './training/trainingRun';
import {
  clearEditError,
  editableTrainer,
  isParameter,
  writeWeight,
  type Editable,
} from './weightEdits';

/** The graph view's parts the session paints. */
export interface GraphViewHandle {
  readonly renderer: GraphRenderer;
  readonly chainRule: HTMLElement | null;
}

const PROGRAM_DELAY_MS = 250;
/** Owns the scenario on screen. */
export class Session {
  scenario: Scenario | null = null;
  /** The memory on screen, read in place by the memory views. */
  screen: OnScreenMemory | null = null;
  /** The MLP scenario's run (history, boundary, fast play); before vs after's measurement. */
  readonly training: TrainingRun;
  readonly compare = new CompareRun();
  private view: GraphViewHandle | null = null;
  private readonly loop = new AnimationLoop();
  private readonly clock = new PlayClock();
  private readonly chartFeed = new MemoryChartFeed();
  private unsubscribe: (() => void) | null = null;
  private programTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: SessionStore,
    createWorker: () => WorkerPort,
  ) {
    this.training = new TrainingRun(
      {
        store,
        trainerOnScreen: () => trainerOnScreen(this.scenario),
        publish: () => this.publish(),
        fail: (error) => this.fail(error),
        wantsFastPlay: () => store.getState().playing && playsInWorker(store.getState()),
      },
      createWorker,
    );
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
    if (this.programTimer) clearTimeout(this.programTimer);
  }

  /** Connects the graph view (on mount). */
  attach(view: GraphViewHandle): void {
    this.view = view;
    this.showGraph();
    this.publish();
  }

  detach(view: GraphViewHandle): void {
    if (this.view === view) this.view = null;
  }

  stepNode = (): void => void this.userAct((p) => p.stepNode());
  stepPhase = (): void => void this.userAct((p) => p.stepPhase());
  stepWhole = (): void => void this.userAct((p) => p.stepWhole());

  /** Back to the scenario's initial weights (or the program's first evaluation). */
  reset = (): void => {
    this.training.interrupt();
    this.store.getState().setPlaying(false);
    this.rebuild();
  };

  togglePlay = (): void => this.store.getState().setPlaying(!this.store.getState().playing);

  /** Fits the graph to its view. */
  fit = (): void => this.view?.renderer.fit();

  /** Puts the MLP at training step `step`: back through its history or forward by training. */
  placeAt = (step: number): void => {
    this.store.getState().setPlaying(false);
    this.training.placeAt(step);
  };

  /** Whether weights can be edited now (and the trainer), or why not. */
  editable = (): Editable => editableTrainer(this.scenario, this.store.getState().playing);

  /** Whether `address` is a weight or bias of the model on screen. */
  isWeight = (address: number): boolean =>
    !!this.scenario?.trainer && isParameter(this.scenario.trainer, address);

  /** Writes one weight between steps; returns why it was refused, or null. */
  setWeight = (address: number, value: number): string | null =>
    this.editWeights((trainer) => writeWeight(trainer, address, value));

  /** Writes every weight (a validated file) between steps; returns why it was refused, or null. */
  importWeights = (values: Float64Array): string | null =>
    this.editWeights((trainer) => applyWeights(trainer, values));

  private editWeights(write: (trainer: Trainer) => void): string | null {
    const editable = this.editable();
    if (!editable.ok) return editable.reason;
    write(editable.trainer);
    clearEditError(this.store.getState());
    this.training.edited();
    this.publish();
    return null;
  }

  private userAct(action: (p: Playhead) => PlayheadEvent): boolean {
    this.training.interrupt();
    return this.act(action);
  }

  private act(action: (p: Playhead) => PlayheadEvent, publish = true, now = performance.now()) {
    const scenario = this.scenario;
    if (!scenario) return false;
    const before = scenario.stepper.stepCount;
    try {
      this.animate(action(scenario.playhead), now);
    } catch (error) {
      scenario.playhead.recover();
      this.fail(error);
      return false;
    }
    if (scenario.stepper.stepCount !== before && scenario.id === 'mlp') this.training.stepped();
    if (publish) this.publish();
    return true;
  }

  private animate(event: PlayheadEvent, now: number): void {
    const animations = this.view?.renderer.animations;
    const { speed, playing } = this.store.getState();
    const nodes = this.scenario?.spec.nodes.length ?? 0;
    if (
      animations &&
      animateEvent(animations, event, SPEEDS[speed] ?? SPEEDS[0], playing, nodes, now)
    )
      this.loop.run(this.frame);
  }

  /** Shows an error (a program's at its line and column) and pauses; the model is as it was. */
  private fail(error: unknown): void {
    const state = this.store.getState();
    if (error instanceof ExpressionError) {
      const { reason: message, line, column } = error;
      return state.setView({ expressionError: { message, line, column } });
    }
    state.setPlaying(false);
    state.setView({ error: error instanceof Error ? error.message : String(error) });
    this.publish();
  }

  private readonly frame = (now: number): boolean => {
    const state = this.store.getState();
    let more = false;
    if (state.playing && this.scenario && !playsInWorker(state)) {
      this.playTick(now, state.speed);
      more = this.store.getState().playing;
    }
    const animating = this.view?.renderer.animations.frame(now) ?? false;
    return more || animating;
  };

  private playTick(now: number, speedIndex: number): void {
    const speed = SPEEDS[speedIndex] ?? SPEEDS[0];
    let acted = false;
    if (speed.stepsPerFrame > 0) {
      for (let k = 0; k < speed.stepsPerFrame; k++)
        acted = this.act((p) => p.stepWhole(), false, now) || acted;
    } else {
      for (let n = this.clock.due(now, speed.nodesPerSecond); n > 0; n--) {
        if (!this.act((p) => p.stepNode(), false, now)) break;
        acted = true;
      }
    }
    if (acted) this.publish();
  }

  private readonly onStore = (s: AppState, prev: AppState): void => {
    if (
      s.scenario !== prev.scenario ||
      s.arenaOptions !== prev.arenaOptions ||
      (s.training !== prev.training && s.scenario === 'mlp')
    ) {
      this.rebuild();
      return;
    }
    const scenario = this.scenario;
    if (
      scenario &&
      (s.datapoint !== prev.datapoint || s.collapsedLayers !== prev.collapsedLayers)
    ) {
      if (s.datapoint !== prev.datapoint) selectDatapoint(scenario, s.datapoint, s.collapsedLayers);
      else if (scenario.probe) applyCollapse(scenario, s.collapsedLayers);
      this.showGraph();
      this.publish();
    }
    if (s.program !== prev.program && s.scenario === 'playground') this.scheduleProgram();
    if (s.selectedAddress !== prev.selectedAddress || s.hoveredAddress !== prev.hoveredAddress)
      this.repaint();
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
    try {
      this.scenario = buildScenario(s);
      s.setView({ error: this.scenario.probeError?.message ?? null, expressionError: null });
    } catch (error) {
      this.fail(error);
      if (!(error instanceof ExpressionError)) return;
      // Nothing good to keep from another scenario: show the default program meanwhile.
      if (this.scenario?.id !== 'playground')
        this.scenario = buildScenario({ ...s, scenario: 'playground', program: DEFAULT_PROGRAM });
    }
    this.training.follow(previous, s.training);
    this.showGraph();
    this.publish();
  }

  /** A program edit, once typing pauses: a malformed one keeps the last good graph on screen. */
  private scheduleProgram(): void {
    if (this.programTimer) clearTimeout(this.programTimer);
    this.programTimer = setTimeout(() => {
      this.programTimer = null;
      const s = this.store.getState();
      if (s.scenario !== 'playground') return;
      try {
        this.scenario = buildScenario(s);
      } catch (error) {
        return this.fail(error);
      }
      s.setView({ expressionError: null, error: null });
      this.showGraph();
      this.publish();
    }, PROGRAM_DELAY_MS);
  }

  private showGraph(): void {
    const scenario = this.scenario;
    if (scenario && this.view) this.view.renderer.setGraph(scenario.spec, scenario.layout);
  }

  private repaint(): void {
    const scenario = this.scenario;
    if (!scenario || !this.view) return;
    this.view.renderer.paint(paintContextOf(scenario, this.store.getState()));
  }

  /** Tells every view that the engine changed: the screen, store summaries, graph, chain rule. */
  private publish(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    this.screen = publishScreen(scenario, this.screen, this.store.getState(), this.view?.chainRule);
    this.chartFeed.observe(this.screen, this.store.getState());
    this.repaint();
  }
}
