/**
 * What the session derives from a scenario for the views: the renderer's paint context, the
 * stats panel's numbers, the caption, and the chain-rule panel's lines.
 */
import { learningRateAt, VALUE_RECORD_SIZE } from '../core';
import type { AppState } from '../store/appStore';
import type { StepStats } from '../store/viewSlice';
import { chainRuleLines } from '../viz/graph/chainRule';
import { formatNumber as f } from '../viz/graph/format';
import type { PaintContext } from '../viz/graph/paintContext';
import type { Scenario } from './buildScenario';
import { captionFor } from './captions';
import { TrainerEngine } from './trainerEngine';

/** The paint context of the scenario's current moment. */
export function paintContextOf(
  scenario: Scenario,
  state: Pick<AppState, 'selectedAddress' | 'hoveredAddress'>,
  updatedFrom: ReadonlyMap<number, number> | null,
): PaintContext {
  const { engine, controller } = scenario;
  const phase = controller.phase;
  const liveTo = Math.min(controller.revealed, engine.scratch.tapeLength);
  let sweptFrom = Infinity;
  if (phase === 'backward') sweptFrom = engine.backwardCursor + 1;
  else if (phase === 'update') sweptFrom = engine.tapeStart;
  return {
    memory: engine.memory,
    scratchBase: engine.scratch.base,
    liveFrom: engine.tapeStart,
    liveTo,
    lastScratch: engine.lastScratch,
    phase,
    sweptFrom,
    current: controller.current,
    updatedFrom: phase === 'update' ? updatedFrom : null,
    selected: state.selectedAddress,
    hovered: state.hoveredAddress,
  };
}

/** Loss and accuracy to show: of the step in progress, else of the last one. */
function lossOf(scenario: Scenario): { loss: number; accuracy: number } {
  const { engine } = scenario;
  if (engine instanceof TrainerEngine) {
    const current = engine.current;
    if (!Number.isNaN(current.loss)) return current;
    const report = engine.lastReport;
    return report ? { loss: report.loss, accuracy: report.accuracy } : { loss: NaN, accuracy: NaN };
  }
  const live = engine.output !== 0 && engine.scratch.tapeLength > engine.tapeStart;
  return { loss: live ? engine.memory.f64[engine.output >> 3] : NaN, accuracy: NaN };
}

/** The stats panel's numbers. */
export function statsOf(scenario: Scenario): StepStats {
  const { engine, spec, probe } = scenario;
  const { loss, accuracy } = lossOf(scenario);
  const live = engine.lossEnd - engine.tapeStart;
  return {
    step: engine.stepCount,
    loss,
    accuracy,
    scratchUsed: engine.scratch.used,
    scratchCapacity: engine.scratch.capacity,
    scratchHighWater: engine.scratch.highWater,
    modelUsed: engine.model.used,
    modelCapacity: engine.model.capacity,
    drawnNodes: spec.nodes.filter((n) => n.arena === 'scratch').length,
    stepNodes: live > 0 || !probe ? live : probe.step.lossEnd - probe.step.tapeStart,
  };
}

/** The caption of the scenario's current phase. */
export function captionOf(scenario: Scenario): string {
  const { engine, controller, trainer, spec } = scenario;
  const records = engine.lossEnd - engine.tapeStart;
  const drawn = spec.nodes.filter((n) => n.arena === 'scratch').length;
  return captionFor(controller.phase, {
    trains: trainer !== null,
    step: engine.stepCount,
    markUsed: engine.tapeStart * VALUE_RECORD_SIZE,
    records,
    bytes: records * VALUE_RECORD_SIZE,
    drawn: Math.min(drawn, records),
    loss: lossOf(scenario).loss,
    learningRate: trainer ? learningRateAt(trainer.settings, trainer.step) : 0,
    parameters: trainer ? trainer.mlp.parameters.length : 0,
  });
}

/** Lines of the chain-rule panel (the update's and the reset's arithmetic in those phases). */
export function chainRuleOf(scenario: Scenario): string[] {
  const { controller, engine, trainer } = scenario;
  if (controller.phase === 'update' && trainer) {
    const lr = learningRateAt(trainer.settings, engine.stepCount);
    const shown = controller.updates.slice(0, 3).map((u) => {
      const name = scenario.nameOf(u.address);
      return `${name} ← ${f(u.before)} − ${lr} · ${f(u.grad)} = ${f(u.after)}`;
    });
    const more = controller.updates.length - shown.length;
    return [
      `w ← w − lr · w.grad, written in place in the model arena:`,
      ...shown,
      ...(more > 0 ? [`… and ${more} more`] : []),
    ];
  }
  if (controller.phase === 'reset') {
    const { from, to } = controller.freed;
    return [
      `checkpoint.end(): scratch.used = ${from.toLocaleString('en-US')} → ${to.toLocaleString('en-US')} bytes.`,
      engine.memory.debug
        ? 'One store to the bump pointer. Debug mode also poisons the freed bytes with 0xdd, so a stale pointer reads garbage and is caught.'
        : 'One store to the bump pointer. The freed bytes are not touched: the next step simply writes over them.',
    ];
  }
  if (controller.phase === 'backward' && controller.current >= 0) {
    return chainRuleLines(engine.memory, controller.current, scenario.nameOf);
  }
  if (controller.phase === 'backward' && controller.phaseComplete) {
    return ['The sweep is done: every record now holds d(output)/d(record) in its gradient field.'];
  }
  return [
    'Chain rule: step into backward one node at a time (→) to see each node add its gradient into its parents.',
  ];
}
