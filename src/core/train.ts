/**
 * One training step, the guide's loop with its missing update put back:
 * mark → inputs → forward → loss → backward → SGD update → checkpoint end.
 * The scratch footprint of every step is identical and the model footprint never changes.
 * A step allocates no JavaScript objects unless a trace is asked for.
 */
import { Checkpoint, type MemoryArena } from './arena';
import { backward, zeroGrad } from './backward';
import { makeDataset, type Dataset, type DatasetName } from './datasets';
import { DivergenceError } from './divergence';
import { OFFSET_PREV0, OFFSET_PREV_COUNT, OFFSET_OP } from './layout';
import { dataLoss, l2Penalty, type LossKind } from './loss';
import { MB, Memory } from './memory';
import { createMLP, mlpForward, type Activation, type BiasInit, type MLP } from './nn';
import type { OpCode } from './ops';
import { createRandom } from './random';
import type { StepTrace, TracedNode, TracedVisit } from './trace';
import { add } from './arithmetic';
import { pushLeaves, type Value } from './value';

/** Learning-rate schedule: micrograd's `lr · (1 − 0.9·k/steps)`, or constant. */
export type Schedule = 'decay' | 'constant';

/** Everything that decides a run. The same settings replay the same run. */
export interface TrainSettings {
  dataset: DatasetName;
  /** Points in the dataset (ignored by `guide`). */
  points: number;
  noise: number;
  /** Seed for the dataset and the initial weights. */
  seed: number;
  /** Layer sizes, inputs first: `[2, 16, 16, 1]`. */
  sizes: number[];
  activation: Activation;
  outputActivation: Activation;
  biasInit: BiasInit;
  loss: LossKind;
  /** L2 regularisation strength (micrograd's alpha). */
  l2: number;
  learningRate: number;
  schedule: Schedule;
  /** Horizon of the decay schedule, in steps. */
  scheduleSteps: number;
  modelBytes: number;
  scratchBytes: number;
  debug: boolean;
  /**
   * A loss above this counts as divergence, like NaN or Infinity: the step stops before any
   * update (a learning rate of 100 blows the loss up to 1e60 without ever reaching Infinity).
   * `Infinity` turns the check off.
   */
  lossLimit: number;
}

/** micrograd's demo: 2-16-16-1 on 100 moons, hinge + L2 1e-4, lr 1.0 decaying over 100 steps. */
export const MICROGRAD_DEMO: TrainSettings = {
  dataset: 'moons',
  points: 100,
  noise: 0.1,
  seed: 1,
  sizes: [2, 16, 16, 1],
  activation: 'relu',
  outputActivation: 'linear',
  biasInit: 'zero',
  loss: 'hinge',
  l2: 1e-4,
  learningRate: 1.0,
  schedule: 'decay',
  scheduleSteps: 100,
  modelBytes: MB(1),
  scratchBytes: MB(4),
  debug: false,
  lossLimit: 1e6,
};

/** The guide's example: one relu Neuron(3) on inputs [1, 2, 3], squared error to target 1. */
export const GUIDE_EXAMPLE: TrainSettings = {
  ...MICROGRAD_DEMO,
  dataset: 'guide',
  points: 1,
  seed: 2,
  sizes: [3, 1],
  outputActivation: 'relu',
  biasInit: 'uniform',
  loss: 'mse',
  l2: 0,
  learningRate: 0.01,
  schedule: 'constant',
};

/** What a step reports. */
export interface StepReport {
  /** Index of the step that just ran (0 for the first). */
  step: number;
  /** Loss before the update. */
  loss: number;
  /** Fraction of points whose score has the label's sign, before the update. */
  accuracy: number;
  /** Value records pushed into the scratch arena by this step. */
  nodes: number;
  /** Scratch bytes the step used (its high point, before the reset). */
  scratchBytes: number;
  /** Model arena bytes in use. */
  modelBytes: number;
  /** Learning rate applied. */
  learningRate: number;
}

/** A model, its data and its arenas, ready to step. */
export interface Trainer {
  readonly settings: Readonly<TrainSettings>;
  readonly memory: Memory;
  readonly model: MemoryArena;
  readonly scratch: MemoryArena;
  readonly mlp: MLP;
  readonly dataset: Dataset;
  /** Steps taken so far. */
  step: number;
  /** The last report (reused: copy it to keep it). */
  readonly report: StepReport;
  /** Handles of this step's inputs, scores and per-point losses (reused buffers). */
  readonly inputs: Value[];
  readonly scores: Value[];
  readonly perPoint: Value[];
  /** New parameter values, checked before any is written. */
  readonly staged: Float64Array;
  /** The scratch checkpoint every step re-arms (so a step allocates nothing). */
  readonly checkpoint: Checkpoint;
}

/**
 * The dataset the settings ask for, after checking the model fits it (inputs = features, one
 * output). Shared by every engine, so all train on the same points.
 */
export function trainingData(settings: TrainSettings): Dataset {
  const dataset = makeDataset(settings.dataset, {
    count: settings.points,
    noise: settings.noise,
    seed: settings.seed,
  });
  if (settings.sizes[0] !== dataset.dims) {
    throw new RangeError(
      `the model takes ${settings.sizes[0]} inputs but the ${dataset.name} dataset has ` +
        `${dataset.dims} features per point`,
    );
  }
  if (settings.sizes[settings.sizes.length - 1] !== 1) {
    throw new RangeError('the model must have exactly one output (a score)');
  }
  return dataset;
}

/** Builds arenas, dataset and model from settings. */
export function createTrainer(settings: TrainSettings): Trainer {
  const dataset = trainingData(settings);
  const memory = new Memory({ debug: settings.debug });
  const model = memory.addArena('model', settings.modelBytes);
  const scratch = memory.addArena('scratch', settings.scratchBytes);
  const mlp = createMLP(model, settings.sizes, createRandom(weightSeed(settings.seed)), {
    activation: settings.activation,
    outputActivation: settings.outputActivation,
    biasInit: settings.biasInit,
  });
  return {
    settings: { ...settings, sizes: [...settings.sizes] },
    memory,
    model,
    scratch,
    mlp,
    dataset,
    step: 0,
    report: initialReport(settings, model.used),
    inputs: handleBuffer(dataset.count * dataset.dims),
    scores: handleBuffer(dataset.count),
    perPoint: handleBuffer(dataset.count),
    staged: new Float64Array(mlp.parameters.length),
    checkpoint: Checkpoint.spare(scratch),
  };
}

/**
 * Seed of the initial weights' generator: a stream of its own, derived from the run's seed, so
 * that any engine built from the same settings starts from the same weights.
 */
export function weightSeed(seed: number): number {
  return seed * 7919 + 17;
}

/** The report before any step: no loss or accuracy yet. */
export function initialReport(settings: TrainSettings, modelBytes: number): StepReport {
  return {
    step: 0,
    loss: NaN,
    accuracy: NaN,
    nodes: 0,
    scratchBytes: 0,
    modelBytes,
    learningRate: settings.learningRate,
  };
}

/** The learning rate of step `k`. */
export function learningRateAt(settings: TrainSettings, k: number): number {
  if (settings.schedule === 'constant') return settings.learningRate;
  const k1 = Math.min(k, settings.scheduleSteps); // after the horizon, hold the final rate
  return settings.learningRate * (1.0 - (0.9 * k1) / settings.scheduleSteps);
}

/**
 * Pushes inputs, runs forward over the whole batch and builds the loss, all into the scratch
 * arena. Returns the loss Value; `trainer.scores` holds each point's score handle.
 */
export function forwardLoss(trainer: Trainer): Value {
  const { scratch, mlp, dataset, inputs, scores, perPoint, settings } = trainer;
  const n = dataset.count * dataset.dims;
  pushLeaves(scratch, dataset.x, n, inputs);
  for (let p = 0; p < dataset.count; p++) {
    scores[p] = mlpForward(scratch, mlp, inputs, p * dataset.dims)[0];
  }
  const data = dataLoss(scratch, settings.loss, scores, dataset.y, dataset.count, perPoint);
  if (settings.l2 === 0) return data;
  return add(scratch, data, l2Penalty(scratch, mlp.parameters, settings.l2));
}

/**
 * One training step. With `trace`, also records what it did. Throws {@link DivergenceError}
 * (after rewinding the scratch arena, with the model untouched) if the loss or an updated weight
 * is not finite, and the arena's overflow error (with the model untouched) if a step does not fit.
 */
export function trainStep(trainer: Trainer, trace?: StepTrace): StepReport {
  const { memory, model, scratch, mlp, dataset, scores, staged } = trainer;
  const checkpoint = scratch.mark(trainer.checkpoint);
  try {
    const tapeStart = scratch.tapeLength;
    if (trace) {
      trace.step = trainer.step;
      trace.mark = { used: scratch.used, tapeLength: tapeStart };
    }
    const loss = forwardLoss(trainer);
    const f64 = memory.f64;
    const lossValue = f64[(loss >>> 0) >> 3];
    let correct = 0;
    for (let p = 0; p < dataset.count; p++) {
      const score = f64[(scores[p] >>> 0) >> 3];
      if (score > 0 === dataset.y[p] > 0) correct++;
    }
    if (!(Math.abs(lossValue) <= trainer.settings.lossLimit)) {
      const { lossLimit } = trainer.settings;
      throw DivergenceError.fromTape(scratch, tapeStart, trainer.step, lossValue, lossLimit);
    }
    if (trace) recordForward(trace, trainer, tapeStart, loss);

    zeroGrad(model);
    if (trace) {
      const visits: StepTrace['backward'] = [];
      backward(scratch, loss, (address) => visits.push(visitOf(memory, address)));
      trace.backward = visits;
    } else {
      backward(scratch, loss);
    }

    const lr = learningRateAt(trainer.settings, trainer.step);
    const params = mlp.parameters;
    for (let i = 0; i < params.length; i++) {
      const w = params[i] >> 3;
      const next = f64[w] - lr * f64[w + 1];
      if (!Number.isFinite(next)) {
        throw DivergenceError.fromUpdate(model, params[i], f64[w], f64[w + 1], lr, trainer.step);
      }
      staged[i] = next;
    }
    if (trace) {
      trace.learningRate = lr;
      trace.updates = Array.from(params, (address, i) => ({
        address,
        before: f64[address >> 3],
        after: staged[i],
        grad: f64[(address >> 3) + 1],
      }));
    }
    for (let i = 0; i < params.length; i++) f64[params[i] >> 3] = staged[i];

    const report = trainer.report;
    report.step = trainer.step;
    report.loss = lossValue;
    report.accuracy = correct / dataset.count;
    report.nodes = scratch.tapeLength - tapeStart;
    report.scratchBytes = scratch.used;
    report.modelBytes = model.used;
    report.learningRate = lr;
    trainer.step++;
    return report;
  } finally {
    const from = scratch.used;
    if (!checkpoint.isEnded) checkpoint.end();
    if (trace) trace.reset = { from, to: scratch.used };
  }
}

function recordForward(trace: StepTrace, trainer: Trainer, tapeStart: number, loss: Value): void {
  const { memory, scratch, dataset } = trainer;
  const inputEnd = tapeStart + dataset.count * dataset.dims;
  const scoreAddress = trainer.scores[dataset.count - 1] >>> 0;
  trace.nodes = [];
  trace.lossAddress = loss >>> 0;
  for (let k = tapeStart; k < scratch.tapeLength; k++) {
    const address = scratch.tape[k];
    const count = memory.u8[address + OFFSET_PREV_COUNT];
    const prev: number[] = [];
    for (let j = 0; j < count; j++) prev.push(memory.u32[((address + OFFSET_PREV0) >> 2) + j]);
    const node: TracedNode = {
      address,
      tapeIndex: k,
      op: memory.u8[address + OFFSET_OP] as OpCode,
      value: memory.f64[address >> 3],
      prev,
      phase: k < inputEnd ? 'input' : address <= scoreAddress ? 'forward' : 'loss',
    };
    trace.nodes.push(node);
  }
}

function visitOf(memory: Memory, address: number): TracedVisit {
  const count = memory.u8[address + OFFSET_PREV_COUNT];
  const parentGrads: number[] = [];
  for (let j = 0; j < count; j++) {
    parentGrads.push(memory.f64[(memory.u32[((address + OFFSET_PREV0) >> 2) + j] >> 3) + 1]);
  }
  return { address, grad: memory.f64[(address >> 3) + 1], parentGrads };
}

/** A reusable array of handles (a plain array keeps small-integer handles unboxed). */
function handleBuffer(length: number): Value[] {
  return new Array<Value>(length).fill(0);
}
