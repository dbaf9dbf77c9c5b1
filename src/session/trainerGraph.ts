/**
 * The graph a trainer scenario draws: the whole step for a small model (the guide's neuron), or
 * one datapoint's subgraph for an MLP on a dataset (its inputs, every node its score depends on,
 * its own loss term, and the batch loss fed by it through a summary link).
 */
import {
  Op,
  opAt,
  parentAt,
  parentCountAt,
  pointerAt,
  type PhasedStep,
  type Trainer,
} from '../core';
import { extractAncestors, extractRange, type NeuronRef } from '../viz/graph/extract';
import type { GraphSpec } from '../viz/graph/spec';

/** Steps with at most this many nodes are drawn whole; bigger ones one datapoint at a time. */
export const WHOLE_GRAPH_LIMIT = 400;

/** Names and neuron membership of every parameter of the trainer's MLP. */
export function parameterNames(trainer: Trainer): {
  labels: Map<number, string>;
  neurons: Map<number, NeuronRef>;
} {
  const { memory } = trainer;
  const labels = new Map<number, string>();
  const neurons = new Map<number, NeuronRef>();
  trainer.mlp.layers.forEach((layer, l) => {
    layer.neurons.forEach((neuron, j) => {
      for (let i = 0; i < neuron.inputCount; i++) {
        const address = pointerAt(memory, neuron.weights, i);
        labels.set(address, `w${i + 1}`);
        neurons.set(address, { layer: l, neuron: j });
      }
      labels.set(neuron.bias >>> 0, 'b');
      neurons.set(neuron.bias >>> 0, { layer: l, neuron: j });
    });
  });
  return { labels, neurons };
}

/** Whether the trainer's step is small enough to draw whole. */
export function drawsWholeStep(step: PhasedStep): boolean {
  return step.lossEnd - step.tapeStart <= WHOLE_GRAPH_LIMIT;
}

/**
 * The spec for `trainer`, whose scratch arena must hold a step's records (after `runForward`).
 * `datapoint` picks the point drawn when the step is too big to draw whole.
 */
export function trainerGraph(trainer: Trainer, step: PhasedStep, datapoint: number): GraphSpec {
  const { scratch, dataset } = trainer;
  const { labels, neurons } = parameterNames(trainer);
  const whole = drawsWholeStep(step);
  const p = whole ? 0 : Math.max(0, Math.min(dataset.count - 1, Math.floor(datapoint)));
  const first = whole ? 0 : p;
  const last = whole ? dataset.count - 1 : p;
  for (let q = first; q <= last; q++) {
    for (let d = 0; d < dataset.dims; d++) {
      labels.set(scratch.tape[step.tapeStart + q * dataset.dims + d], `x${d + 1}`);
    }
    labels.set(trainer.scores[q] >>> 0, 'score');
  }
  const lossAddress = step.loss >>> 0;
  labels.set(lossAddress, 'loss');
  const structure = `${settingsKey(trainer)}|tape:${step.tapeStart}-${step.lossEnd}`;
  const options = {
    labels,
    neurons,
    layerCount: trainer.mlp.layers.length,
    groupLimit: step.forwardEnd,
  };
  if (whole) {
    nameLossConstants(trainer, step, labels);
    return extractRange(scratch, step.tapeStart, step.lossEnd, {
      ...options,
      key: `${structure}|whole`,
    });
  }
  const perPoint = trainer.perPoint[p] >>> 0;
  labels.set(perPoint, `loss #${p}`);
  return extractAncestors(
    scratch,
    [perPoint],
    { ...options, key: `${structure}|point:${p}` },
    lossAddress,
  );
}

/** A string that changes whenever a setting that shapes the graph changes. */
function settingsKey(trainer: Trainer): string {
  const s = trainer.settings;
  return `trainer:${s.dataset}:${s.points}:${s.sizes.join('-')}:${s.activation}:${s.outputActivation}:${s.loss}:${s.l2}`;
}

/** What a constant of the loss is for, by the op that uses it (mean squared error's pieces). */
const LOSS_CONSTANT_ROLES: Partial<Record<number, string>> = {
  [Op.Sub]: 'y (target)',
  [Op.Pow]: 'exponent',
  [Op.Add]: 'sum from',
  [Op.Mul]: '1/n (mean)',
};

/**
 * Names the constants the loss phase pushes (the target, the square's exponent, the sum's
 * start, the mean's 1/n), so the drawn loss reads as the squared error it is.
 */
function nameLossConstants(trainer: Trainer, step: PhasedStep, labels: Map<number, string>): void {
  const { memory, scratch } = trainer;
  for (let k = step.forwardEnd; k < step.lossEnd; k++) {
    const leaf = scratch.tape[k];
    if (opAt(memory, leaf) !== Op.Leaf || labels.has(leaf)) continue;
    for (let c = k + 1; c < step.lossEnd; c++) {
      const child = scratch.tape[c];
      let uses = false;
      for (let slot = 0; slot < parentCountAt(memory, child); slot++)
        uses ||= parentAt(memory, child, slot) === leaf;
      if (!uses) continue;
      const role = LOSS_CONSTANT_ROLES[opAt(memory, child)];
      if (role) labels.set(leaf, role);
      break;
    }
  }
}
