/**
 * The session: the one place that owns the scenario on screen. It turns the store's intent
 * (scenario, datapoint, program, play) into engine actions, runs the animation loop, tells the
 * memory views through `setLiveEngine` + `touchEngine`, and paints the graph. React components
 * call its commands; none of this re-renders React per frame.
 */
import { ExpressionError, type StepWindow } from '../core';
import type { AppState } from '../store/appStore';
import { DEFAULT_PROGRAM } from '../store/scenarioSlice';
import { setLiveEngine, type LiveEngine } from '../store/liveEngine';
import { AnimationLoop } from '../viz/animationLoop';
import type { GraphRenderer } from '../viz/graph/GraphRenderer';
import {
  applyCollapse,
  buildPlaygroundScenario,
  buildTrainerScenario,
  selectDatapoint,
  type Scenario,
} from './buildScenario';
import { captionOf, chainRuleOf, paintContextOf, statsOf } from './sessionView';
import { SPEEDS, playsInWorker, pulseDuration } from './speeds';
import type { DisplayPhase, StepController, StepEvent } from './stepController';
import type { StepEngine } from './stepEngine';

/** The store, as the session uses it (zustand's vanilla API). */
export interface SessionStore {
  getState(): AppState;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

/** The graph view's parts the session paints. */
export interface GraphViewHandle {
  readonly renderer: GraphRenderer;
  readonly chainRule: HTMLElement | null;
}

const PROGRAM_DELAY_MS = 250;
const MAX_NODE_STEPS_PER_FRAME = 8;

/** Owns the scenario on screen. */
export class Session {
  scenario: Scenario | null = null;
  private view: GraphViewHandle | null = null;
  private readonly loop = new AnimationLoop();
  private unsubscribe: (() => void) | null = null;
  private programTimer: ReturnType<typeof setTimeout> | null = null;
  private budget = 0;
  private lastTick = -1;
  private updatedFrom: Map<number, number> | null = null;
  private live: LiveEngine | null = null;
  /** Called before a user's step or reset (the training runner pauses fast play). */
  onUserAction: (() => void) | null = null;

  constructor(private readonly store: SessionStore) {}

  /** Builds the first scenario and starts following the store. */
  start(): void {
    this.rebuild();
    this.unsubscribe = this.store.subscribe(this.onStore);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.loop.stop();
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

  stepNode = (): void => void (this.user() && this.act((c) => c.stepNode()));
  stepPhase = (): void => void (this.user() && this.act((c) => c.stepPhase()));
  stepWhole = (): void => void (this.user() && this.act((c) => c.stepWhole()));

  /** Back to the scenario's initial weights (or the program's first evaluation). */
  reset = (): void => {
    this.user();
    this.store.getState().setPlaying(false);
    this.rebuild();
  };

  togglePlay = (): void => {
    const s = this.store.getState();
    s.setPlaying(!s.playing);
  };

  private user(): true {
    this.onUserAction?.();
    return true;
  }

  /** Fits the graph to its view. */
  fit = (): void => this.view?.renderer.fit();

  /** Redraws every view after the engine's numbers were changed from outside (weights edited). */
  refresh = (): void => this.publish();

  private act(
    action: (c: StepController) => StepEvent,
    publish = true,
    now = performance.now(),
  ): boolean {
    const scenario = this.scenario;
    if (!scenario) return false;
    try {
      this.animate(action(scenario.controller), now);
    } catch (error) {
      scenario.controller.recover();
      this.fail(error);
      return false;
    }
    if (publish) this.publish();
    return true;
  }

  private animate(event: StepEvent, now: number): void {
    const animations = this.view?.renderer.animations;
    const speed = SPEEDS[this.store.getState().speed] ?? SPEEDS[0];
    const playing = this.store.getState().playing;
    if (event.kind === 'phase' && event.phase === 'mark') this.updatedFrom = null;
    if (event.kind === 'update')
      this.updatedFrom = new Map(event.updates.map((u) => [u.address, u.before]));
    if (!animations) return;
    if (event.kind === 'visit') {
      const duration = playing ? pulseDuration(speed) : 450;
      if (duration > 0) animations.pulse(event.address, duration, now);
    } else if (event.kind === 'sweep' && !playing) {
      const count = this.scenario?.spec.nodes.length ?? 0;
      animations.sweep(event.from, event.to, Math.min(1600, Math.max(500, count * 45)), now);
    } else return;
    this.loop.run(this.frame);
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.store.getState().setPlaying(false);
    this.store.getState().setView({ error: message });
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
    if (this.lastTick < 0) this.budget = 1;
    else this.budget += ((now - this.lastTick) * speed.nodesPerSecond) / 1000;
    this.lastTick = now;
    let acted = false;
    if (speed.stepsPerFrame > 0) {
      for (let k = 0; k < speed.stepsPerFrame; k++)
        acted = this.act((c) => c.stepWhole(), false, now) || acted;
    } else {
      for (let n = 0; this.budget >= 1 && n < MAX_NODE_STEPS_PER_FRAME; n++) {
        this.budget -= 1;
        if (!this.act((c) => c.stepNode(), false, now)) break;
        acted = true;
      }
      this.budget = Math.min(this.budget, 1);
    }
    if (acted) this.publish();
  }

  private readonly onStore = (s: AppState, prev: AppState): void => {
    if (
      s.scenario !== prev.scenario ||
      s.engineOptions !== prev.engineOptions ||
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
      this.lastTick = -1;
      if (s.playing) this.loop.run(this.frame);
    }
  };

  private rebuild(): void {
    const s = this.store.getState();
    this.updatedFrom = null;
    this.view?.renderer.animations.clear();
    try {
      this.scenario =
        s.scenario === 'playground'
          ? buildPlaygroundScenario(s.program, s.engineOptions)
          : buildTrainerScenario(
              s.scenario,
              s.engineOptions,
              s.datapoint,
              s.collapsedLayers,
              s.training,
            );
      s.setView({ error: this.scenario.probeError?.message ?? null, expressionError: null });
    } catch (error) {
      if (error instanceof ExpressionError) {
        this.showExpressionError(error);
        // Nothing good to keep from another scenario: show the default program meanwhile.
        if (this.scenario?.id !== 'playground')
          this.scenario = buildPlaygroundScenario(DEFAULT_PROGRAM, s.engineOptions);
      } else {
        this.fail(error);
        return;
      }
    }
    this.showGraph();
    this.publish();
  }

  private scheduleProgram(): void {
    if (this.programTimer) clearTimeout(this.programTimer);
    this.programTimer = setTimeout(() => {
      this.programTimer = null;
      const s = this.store.getState();
      if (s.scenario !== 'playground') return;
      try {
        this.scenario = buildPlaygroundScenario(s.program, s.engineOptions);
      } catch (error) {
        if (error instanceof ExpressionError) this.showExpressionError(error);
        else this.fail(error);
        return; // the last good graph stays on screen
      }
      s.setView({ expressionError: null, error: null });
      this.showGraph();
      this.publish();
    }, PROGRAM_DELAY_MS);
  }

  private showExpressionError(error: ExpressionError): void {
    this.store.getState().setView({
      expressionError: { message: error.reason, line: error.line, column: error.column },
    });
  }

  private showGraph(): void {
    const scenario = this.scenario;
    if (scenario && this.view) this.view.renderer.setGraph(scenario.spec, scenario.layout);
  }

  private repaint(): void {
    const scenario = this.scenario;
    if (!scenario || !this.view) return;
    this.view.renderer.paint(paintContextOf(scenario, this.store.getState(), this.updatedFrom));
  }

  /** Tells every view that the engine changed: live engine, store summaries, graph, chain rule. */
  private publish(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    const { engine, controller } = scenario;
    if (!this.live || this.live.memory !== engine.memory) {
      this.live = {
        memory: engine.memory,
        model: engine.model,
        scratch: engine.scratch,
        step: null,
        revealed: 0,
        trace: null,
      };
      setLiveEngine(this.live);
    }
    this.live.step = engine.phasedStep ?? programWindow(engine, controller.phase);
    const revealing = controller.phase === 'forward' || controller.phase === 'loss';
    this.live.revealed = revealing ? controller.revealed : engine.scratch.tapeLength;
    const state = this.store.getState();
    state.touchEngine();
    const caption = captionOf(scenario);
    const stats = statsOf(scenario);
    if (
      state.phase !== controller.phase ||
      state.caption !== caption ||
      !sameStats(state.stats, stats)
    ) {
      state.setView({ phase: controller.phase, caption, stats });
    }
    this.repaint();
    const panel = this.view?.chainRule;
    if (panel) {
      const text = chainRuleOf(scenario).join('\n');
      if (panel.textContent !== text) panel.textContent = text;
    }
  }
}

function sameStats(a: object, b: object): boolean {
  const x = a as Record<string, number>;
  const y = b as Record<string, number>;
  return Object.keys(y).every((k) => Object.is(x[k], y[k]));
}

/**
 * The playground has no phased step; its window (tape range and sweep cursor) still lets the
 * memory view show the backward cursor walking down the scratch region.
 */
function programWindow(engine: StepEngine, phase: DisplayPhase): StepWindow | null {
  if (phase !== 'backward') return null;
  return {
    phase,
    tapeStart: engine.tapeStart,
    lossEnd: engine.lossEnd,
    backwardCursor: engine.backwardCursor,
  };
}
