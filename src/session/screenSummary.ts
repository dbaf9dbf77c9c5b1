/**
 * What the session derives from a scenario for the views: the renderer's paint context, the
 * stats panel's numbers, the caption, and the chain-rule panel's lines.
 */
import {
  learningRateAt,
  parentAt,
  parentCountAt,
  valueAt,
  VALUE_RECORD_SIZE,
  type TracedUpdate,
} from '../core';
import type { AppState } from '../store/appStore';
import type { ScreenStats } from '../store/viewSlice';
import { chainRuleLines } from '../viz/graph/chainRule';
import { fanInLine, fanInTerms } from '../viz/graph/fanIn';
import { formatNumber as f } from '../viz/graph/numberFormat';
import type { PaintContext } from '../viz/graph/paintContext';
import type { Scenario } from './buildScenario';
import { captionFor } from './captions';
import { hiddenGradients, type PredictState } from './predict/predictQuestions';
import { TrainerStepper } from './trainerStepper';

/** The paint context of the scenario's current moment. */
export function paintContextOf(
  scenario: Scenario,
  state: Pick<AppState, 'selectedAddress' | 'hoveredAddress'> & Partial<PredictState>,
): PaintContext {
  const { stepper, playhead } = scenario;
  const phase = playhead.phase;
  const liveTo = Math.min(playhead.revealed, stepper.scratch.tapeLength);
  let sweptFrom = Infinity;
  if (phase === 'backward') sweptFrom = stepper.backwardCursor + 1;
  else if (phase === 'update') sweptFrom = stepper.tapeStart;
  return {
    memory: stepper.memory,
    liveFrom: stepper.tapeStart,
    liveTo,
    pushedTo: stepper.scratch.tapeLength,
    phase,
    sweptFrom,
    current: playhead.current,
    updatedFrom: phase === 'update' ? valuesBefore(playhead.updates) : null,
    gradientHidden: hiddenGradients(scenario, state),
    selected: state.selectedAddress,
    hovered: state.hoveredAddress,
  };
}

const before = new WeakMap<readonly TracedUpdate[], ReadonlyMap<number, number>>();

/** Each updated weight's value before the update, by address (one map per update phase). */
function valuesBefore(updates: readonly TracedUpdate[]): ReadonlyMap<number, number> {
  let map = before.get(updates);
  if (!map) before.set(updates, (map = new Map(updates.map((u) => [u.address, u.before]))));
  return map;
}

/** Whether the step on screen has computed its loss (the output, for a program) yet. */
function lossKnown({ playhead }: Scenario): boolean {
  switch (playhead.phase) {
    case 'mark':
      return false;
    case 'forward':
    case 'loss':
      return playhead.phaseComplete && playhead.nextPhase() !== 'loss';
    default:
      return true;
  }
}

/**
 * Loss and accuracy to show: of the step in progress once its loss phase has run, else of the
 * last step (none while a step is between its mark and its loss). Accuracy only where it means
 * something: a classifier (the MLP).
 */
function lossOf(scenario: Scenario): ShownLoss {
  const known = lossKnown(scenario);
  const { loss, accuracy, step } = lossOrLast(scenario);
  return {
    loss: known ? loss : NaN,
    accuracy: known && scenario.id === 'mlp' ? accuracy : NaN,
    step: known ? step : NaN,
  };
}

/** A loss on screen, with its accuracy and the index of its training step (NaN: none). */
interface ShownLoss {
  loss: number;
  accuracy: number;
  step: number;
}

const NO_LOSS: ShownLoss = { loss: NaN, accuracy: NaN, step: NaN };

function lossOrLast(scenario: Scenario): ShownLoss {
  const { stepper } = scenario;
  if (stepper instanceof TrainerStepper) {
    const current = stepper.current;
    if (!Number.isNaN(current.loss)) return { ...current, step: stepper.stepCount };
    const report = stepper.report;
    return report ? { loss: report.loss, accuracy: report.accuracy, step: report.step } : NO_LOSS;
  }
  const live = stepper.output !== 0 && stepper.scratch.tapeLength > stepper.tapeStart;
  return { ...NO_LOSS, loss: live ? valueAt(stepper.memory, stepper.output) : NaN };
}

/**
 * Scratch bytes in use as the screen shows them: while forward is revealed record by record,
 * up to the last record revealed (the memory view and its header say the same), else all.
 */
export function shownScratchUsed({ stepper, playhead }: Scenario): number {
  const { scratch } = stepper;
  const revealing = playhead.phase === 'forward' || playhead.phase === 'loss';
  if (!revealing || playhead.revealed >= scratch.tapeLength) return scratch.used;
  return scratch.tape[playhead.revealed] - scratch.base;
}

/** The stats panel's numbers. */
export function statsOf(scenario: Scenario): ScreenStats {
  const { stepper, spec, probe } = scenario;
  const { loss, accuracy, step } = lossOf(scenario);
  const live = stepper.lossEnd - stepper.tapeStart;
  return {
    step: stepper.stepCount,
    loss,
    accuracy,
    lossStep: step,
    scratchUsed: shownScratchUsed(scenario),
    scratchCapacity: stepper.scratch.capacity,
    scratchHighWater: stepper.scratch.highWater,
    modelUsed: stepper.model.used,
    modelCapacity: stepper.model.capacity,
    drawnNodes: spec.nodes.filter((n) => n.arena === 'scratch').length,
    stepNodes: live > 0 || !probe ? live : probe.step.lossEnd - probe.step.tapeStart,
  };
}

/** The caption of the scenario's current phase. */
export function captionOf(scenario: Scenario): string {
  const { stepper, playhead, trainer, spec } = scenario;
  const records = stepper.lossEnd - stepper.tapeStart;
  const drawn = spec.nodes.filter((n) => n.arena === 'scratch').length;
  return captionFor(playhead.phase, {
    trains: trainer !== null,
    step: stepper.stepCount,
    markUsed: stepper.tapeStart * VALUE_RECORD_SIZE,
    records,
    bytes: records * VALUE_RECORD_SIZE,
    drawn: Math.min(drawn, records),
    done: playhead.phaseComplete,
    loss: lossKnown(scenario) ? lossOf(scenario).loss : null,
    learningRate: trainer ? learningRateAt(trainer.settings, trainer.step) : 0,
    parameters: trainer ? trainer.mlp.parameters.length : 0,
  });
}

/**
 * Lines of the chain-rule panel (the update's and the reset's arithmetic in those phases);
 * `hidden`: predict mode's gradients still to be asked about.
 */
export function chainRuleOf(
  scenario: Scenario,
  hidden: ((address: number) => boolean) | null = null,
): string[] {
  const { playhead, stepper, trainer } = scenario;
  if (playhead.phase === 'update' && trainer) {
    const lr = learningRateAt(trainer.settings, stepper.stepCount);
    // Every parameter, one a line (the panel scrolls when they do not fit).
    const shown = playhead.updates.map((u) => {
      const name = scenario.nameOf(u.address);
      return `${name} ← ${f(u.before)} − ${lr} · ${f(u.grad)} = ${f(u.after)}`;
    });
    const count = shown.length;
    return [`w ← w − lr · w.grad, written in place in the model arena (${count}):`, ...shown];
  }
  if (playhead.phase === 'reset') {
    const { from, to } = playhead.freed;
    return [
      `checkpoint.end(): scratch.used = ${from.toLocaleString('en-US')} → ${to.toLocaleString('en-US')} bytes.`,
      stepper.memory.debug
        ? 'One store to the bump pointer. Debug mode also poisons the freed bytes with 0xdd, so a stale pointer reads garbage and is caught.'
        : 'One store to the bump pointer. The freed bytes are not touched: the next step simply writes over them.',
    ];
  }
  if (playhead.phase === 'backward' && playhead.current >= 0) {
    const lines = chainRuleLines(stepper.memory, playhead.current, scenario.nameOf);
    if (!hidden) return [...lines, ...fanIns(scenario)];
    // Predict mode: what a parent still to be asked about receives stays unwritten.
    const node = playhead.current;
    return lines.map((line, i) => {
      const parent = i >= 2 ? parentAt(stepper.memory, node, i - 2) : -1;
      if (i < 2 || i - 2 >= parentCountAt(stepper.memory, node) || !hidden(parent)) return line;
      return `${scenario.nameOf(parent)}.grad: your turn, the next step keys ask for it.`;
    });
  }
  if (playhead.phase === 'backward' && playhead.phaseComplete) {
    return ['The sweep is done: every record now holds d(output)/d(record) in its gradient field.'];
  }
  return [
    'Chain rule: step into backward one node at a time (→) to see each node add its gradient into its parents.',
  ];
}

/**
 * For each parent of the node backward is at that feeds several records of the step: its
 * gradient so far as the sum of what each visited child passed on, and how many are to come.
 */
function fanIns({ stepper, playhead, nameOf }: Scenario): string[] {
  const { memory, scratch, tapeStart, lossEnd } = stepper;
  const node = playhead.current;
  const parents = new Set<number>();
  for (let slot = 0; slot < parentCountAt(memory, node); slot++)
    parents.add(parentAt(memory, node, slot));
  const lines: string[] = [];
  for (const parent of parents) {
    const all = fanInTerms(memory, scratch.tape, tapeStart, lossEnd, parent);
    if (all.length < 2) continue;
    const visited = fanInTerms(memory, scratch.tape, playhead.currentIndex, lossEnd, parent);
    const pending = all.length - visited.length;
    const rest = pending > 0 ? `   (${pending} still to come)` : '';
    lines.push(`${fanInLine(memory, parent, visited, nameOf)}${rest}`);
  }
  return lines;
}
