/**
 * Builds what a scenario puts on screen: a live stepper with its step playhead, the graph to
 * draw (full and collapsed), and its layout. The trainer scenarios draw a graph before the
 * first step: a private copy of the trainer (same settings, same addresses) runs one forward to
 * learn the step's structure, so the view can show what the step will build.
 */
import {
  ExpressionError,
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  beginStep,
  createTrainer,
  hex,
  Op,
  runForward,
  VALUE_RECORD_SIZE,
  type PhasedStep,
  type TrainSettings,
  type Trainer,
} from '../core';
import {
  DEFAULT_PROGRAM,
  DEFAULT_TRAINING,
  scratchBytesFor,
  settingsOf,
  setupProblem,
  type ArenaOptions,
  type ScenarioId,
  type TrainingConfig,
} from '../setup';
import type { AppState } from '../store/appStore';
import { collapseLayers } from '../viz/graph/collapse';
import { extractRange } from '../viz/graph/extract';
import { cachedLayout, type GraphLayout, type LayoutDirection } from '../viz/graph/graphLayout';
import type { GraphSpec } from '../viz/graph/spec';
import { saveMoment, type Moment } from './eventTimeline';
import { ProgramStepper } from './programStepper';
import { Playhead } from './playhead';
import type { Stepper } from './stepper';
import { TrainerStepper } from './trainerStepper';
import { drawsWholeStep, parameterNames, trainerGraph } from './trainerGraph';

/** A scenario on screen. `spec`, `layout` and the playhead's `isShown` change together. */
export interface Scenario {
  readonly id: ScenarioId;
  readonly stepper: Stepper;
  readonly playhead: Playhead;
  readonly direction: LayoutDirection;
  /** The graph before collapsing layers. */
  fullSpec: GraphSpec;
  /** The graph drawn. */
  spec: GraphSpec;
  layout: GraphLayout;
  /** Trainer scenarios: the trainer, its stepper, and its structure probe. */
  readonly trainer: Trainer | null;
  readonly trainerStepper: TrainerStepper | null;
  readonly probe: { trainer: Trainer; step: PhasedStep } | null;
  /** Why the structure probe failed (e.g. the scratch arena is too small), or null. */
  readonly probeError: Error | null;
  /**
   * Where the scenario's first step started, when it was taken while building (the playground
   * opens evaluated): the event slider's start, so the opening stands at that step's end.
   */
  readonly opening: Moment | null;
  /** The playground's program the graph was built from (null for the other scenarios). */
  readonly source: string | null;
  /** Names of records for the chain-rule panel. */
  nameOf(address: number): string;
}

/** What a scenario is built from: the store's setup. */
export type ScenarioSetup = Pick<
  AppState,
  'scenario' | 'program' | 'arenaOptions' | 'datapoint' | 'collapsedLayers' | 'training'
> & { skipLeaves?: boolean };

/** The scenario `setup` asks for. Throws the core's errors (a malformed program, a bad setup). */
export function buildScenario(setup: ScenarioSetup): Scenario {
  const { scenario, arenaOptions, datapoint, collapsedLayers, training } = setup;
  // Before vs after draws the guide's neuron; its comparison runs in its own worker.
  const built =
    scenario === 'playground'
      ? buildPlaygroundScenario(setup.program, arenaOptions)
      : buildTrainerScenario(scenario, arenaOptions, datapoint, collapsedLayers, training);
  built.playhead.skipsLeaves = setup.skipLeaves ?? false;
  return built;
}

/**
 * Settings of a trainer scenario with the user's arena options applied. The MLP takes the
 * workbench's setup (`training`), with a scratch arena sized to hold one of its steps unless the
 * user set one.
 */
export function trainerSettings(
  id: 'guide' | 'mlp',
  options: ArenaOptions,
  training: TrainingConfig = DEFAULT_TRAINING,
): TrainSettings {
  const base = id === 'guide' ? GUIDE_EXAMPLE : settingsOf(training, MICROGRAD_DEMO);
  const scratch = id === 'guide' ? base.scratchBytes : scratchBytesFor(training);
  return {
    ...base,
    modelBytes: options.modelBytes ?? base.modelBytes,
    scratchBytes: options.scratchBytes ?? scratch,
    debug: options.debug ?? base.debug,
  };
}

/** A trainer scenario: the guide's neuron or the MLP on moons. */
export function buildTrainerScenario(
  id: 'guide' | 'mlp' | 'compare',
  options: ArenaOptions,
  datapoint: number,
  collapsed: readonly number[],
  training: TrainingConfig = DEFAULT_TRAINING,
): Scenario {
  const problem = id === 'mlp' ? setupProblem(training) : null;
  if (problem) throw new RangeError(`this setup cannot be trained: ${problem}`);
  const settings = trainerSettings(id === 'mlp' ? 'mlp' : 'guide', options, training);
  const trainer = createTrainer(settings);
  datapoint = Math.max(0, Math.min(datapoint, trainer.dataset.count - 1));
  const stepper = new TrainerStepper(trainer);
  const playhead = new Playhead(stepper);
  const probeTrainer = createTrainer(settings);
  const probeStep = beginStep(probeTrainer);
  let probeError: Error | null = null;
  try {
    runForward(probeStep); // fails (overflow, divergence) exactly as the live step would
  } catch (error) {
    probeError = error instanceof Error ? error : new Error(String(error));
  }
  const whole = probeError !== null || drawsWholeStep(probeStep);
  const scenario: Scenario = {
    id,
    stepper,
    playhead,
    direction: whole ? 'down' : 'right',
    fullSpec: probeError ? modelOnly(trainer) : trainerGraph(probeTrainer, probeStep, datapoint),
    spec: null as unknown as GraphSpec,
    layout: null as unknown as GraphLayout,
    trainer,
    trainerStepper: stepper,
    probe: probeError ? null : { trainer: probeTrainer, step: probeStep },
    probeError,
    opening: null,
    source: null,
    nameOf: (address) => nameIn(scenario, address),
  };
  applyCollapse(scenario, whole ? [] : collapsed);
  return scenario;
}

/**
 * The playground, evaluated and differentiated (rest phase: backward done), with the moment
 * before that first evaluation kept as its `opening`. Throws on errors.
 */
export function buildPlaygroundScenario(source: string, options: ArenaOptions): Scenario {
  const stepper = new ProgramStepper(ProgramStepper.parse(source), options);
  const playhead = new Playhead(stepper);
  const opening = saveMoment(playhead);
  playhead.stepWhole();
  const scenario: Scenario = {
    id: 'playground',
    stepper,
    playhead,
    direction: 'down',
    fullSpec: extractRange(stepper.scratch, stepper.tapeStart, stepper.lossEnd, {
      key: `program:${source}`,
      labels: stepper.names,
    }),
    spec: null as unknown as GraphSpec,
    layout: null as unknown as GraphLayout,
    trainer: null,
    trainerStepper: null,
    probe: null,
    probeError: null,
    opening,
    source,
    nameOf: (address) => nameIn(scenario, address),
  };
  applyCollapse(scenario, []);
  return scenario;
}

/** Redraws one datapoint of a trainer scenario (the live stepper is untouched). */
export function selectDatapoint(
  scenario: Scenario,
  datapoint: number,
  collapsed: readonly number[],
): void {
  if (!scenario.probe || drawsWholeStep(scenario.probe.step)) return;
  scenario.fullSpec = trainerGraph(scenario.probe.trainer, scenario.probe.step, datapoint);
  applyCollapse(scenario, collapsed);
}

/** Collapses `layers` of the scenario's graph, lays it out, and tells the playhead what is drawn. */
export function applyCollapse(scenario: Scenario, layers: readonly number[]): void {
  const spec = collapseLayers(scenario.fullSpec, new Set(layers));
  scenario.spec = spec;
  scenario.layout = cachedLayout(spec, scenario.direction);
  const shown = new Set<number>();
  for (const node of spec.nodes) if (node.arena === 'scratch') shown.add(node.tapeIndex);
  scenario.playhead.isShown = (k) => shown.has(k);
}

/** The model's parameters alone, for when no step fits in the scratch arena. */
function modelOnly(trainer: Trainer): GraphSpec {
  const { labels } = parameterNames(trainer);
  const nodes = Array.from(trainer.mlp.parameters, (address, id) => ({
    id,
    kind: 'value' as const,
    arena: 'model' as const,
    address,
    tapeIndex: -1,
    op: Op.Leaf,
    label: labels.get(address) ?? '',
    inputs: [],
    group: -1,
  }));
  return { key: `model-only:${trainer.mlp.sizes.join('-')}`, nodes, groups: [], layerCount: 0 };
}

function nameIn(scenario: Scenario, address: number): string {
  const node =
    scenario.spec.nodes.find((n) => n.address === address) ??
    scenario.fullSpec.nodes.find((n) => n.address === address);
  if (node?.label) return node.label; // a collapsed neuron is named by its output: `L2 n5`
  if (node && node.arena === 'scratch') return `#${node.tapeIndex}`;
  const scratch = scenario.stepper.scratch;
  const offset = address - scratch.base;
  // The scratch arena holds Value records only, back to back: offset / 32 is the tape index.
  if (offset >= 0 && offset < scratch.capacity && offset % VALUE_RECORD_SIZE === 0)
    return `#${offset / VALUE_RECORD_SIZE}`;
  return hex(address);
}

/**
 * Applies a change of what node steps stop at: the drawn datapoint, the collapsed layers, or
 * whether backward passes over leaves. Returns whether one applied.
 */
export function applyDrawing(
  scenario: Scenario,
  s: Pick<AppState, 'datapoint' | 'collapsedLayers' | 'skipLeaves'>,
  prev: Pick<AppState, 'datapoint' | 'collapsedLayers' | 'skipLeaves'>,
): boolean {
  scenario.playhead.skipsLeaves = s.skipLeaves;
  if (s.skipLeaves !== prev.skipLeaves) return true;
  if (s.datapoint === prev.datapoint && s.collapsedLayers === prev.collapsedLayers) return false;
  if (s.datapoint !== prev.datapoint) selectDatapoint(scenario, s.datapoint, s.collapsedLayers);
  else if (scenario.probe) applyCollapse(scenario, s.collapsedLayers);
  return true;
}

/**
 * The scenario `setup` asks for, or what to show when it fails: a malformed program keeps the
 * playground on screen (or shows the default program, when another scenario was); any other
 * error keeps `current`. `error` is what failed, to be shown.
 */
export function buildOrKeep(
  setup: ScenarioSetup,
  current: Scenario | null,
): { scenario: Scenario; error: null } | { scenario: Scenario | null; error: unknown } {
  try {
    return { scenario: buildScenario(setup), error: null };
  } catch (error) {
    if (!(error instanceof ExpressionError) || current?.id === 'playground')
      return { scenario: current, error };
    const fallback = { ...setup, scenario: 'playground' as const, program: DEFAULT_PROGRAM };
    return { scenario: buildScenario(fallback), error };
  }
}
