/** A model, its data and its arenas, ready to step; and what a step reports. */
import { Checkpoint, type MemoryArena } from '../arena';
import { makeDataset, type Dataset } from '../datasets';
import { Memory, NULL_GUARD_BYTES } from '../memory';
import { createMLP, type MLP } from '../nn';
import type { Value } from '../value';
import { layerPlan, pointBytesOf, type LayerPlan } from './layerPlan';
import { weightRandom, type TrainSettings } from './trainSettings';

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
  /** This step's scores as numbers, copied out of memory by the forward pass (reused). */
  readonly scoreValues: Float64Array;
  /** New parameter values, checked before any is written. */
  readonly staged: Float64Array;
  /** The scratch checkpoint every step re-arms (so a step allocates nothing). */
  readonly checkpoint: Checkpoint;
  /**
   * The MLP's layers as the fused forward walks them (`layerPlan.ts`), or null when it is not
   * laid out as `createMLP` lays it out (then every step runs op by op).
   */
  readonly plan: LayerPlan | null;
  /** Bytes of one point's forward records (0 without a plan). */
  readonly pointBytes: number;
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

/**
 * Builds arenas, dataset and model from settings. `options.wasm` backs the memory with a
 * `WebAssembly.Memory` (for the Wasm engine: `createWasmTrainer`), reserved up front for both
 * arenas (each rounded up to 8 bytes: hence the + 16).
 */
export function createTrainer(settings: TrainSettings, options: { wasm?: boolean } = {}): Trainer {
  const dataset = trainingData(settings);
  const reserve = NULL_GUARD_BYTES + settings.modelBytes + settings.scratchBytes + 16;
  const memory = new Memory({ debug: settings.debug, wasm: options.wasm, reserve });
  const model = memory.addArena('model', settings.modelBytes);
  const scratch = memory.addArena('scratch', settings.scratchBytes);
  const mlp = createMLP(model, settings.sizes, weightRandom(settings), {
    activation: settings.activation,
    outputActivation: settings.outputActivation,
    biasInit: settings.biasInit,
  });
  const plan = layerPlan(mlp);
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
    scoreValues: new Float64Array(dataset.count),
    staged: new Float64Array(mlp.parameters.length),
    checkpoint: Checkpoint.spare(scratch),
    plan,
    pointBytes: plan === null ? 0 : pointBytesOf(plan),
  };
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

/** A reusable array of handles (a plain array keeps small-integer handles unboxed). */
function handleBuffer(length: number): Value[] {
  return new Array<Value>(length).fill(0);
}
