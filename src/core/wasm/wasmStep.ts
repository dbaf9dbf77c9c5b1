/**
 * The Wasm engine: the training step of `train/trainStep.ts` with its forward and backward run
 * by the WebAssembly kernel (kernel.wat) over the same records, in the same memory. The inputs,
 * the loss, the update and every check stay TypeScript. Its losses, gradients and weights equal
 * the TypeScript engine's bit for bit (test/core/wasm/).
 *
 * The kernel's forward writes each point's records one layer per call; the capacity is checked
 * here first, and a point that does not fit runs the TypeScript forward instead, which throws the
 * arena's `ArenaOverflowError` at the node that does not fit (so the kernel never traps). The
 * backward sweeps record addresses rather than the tape, which is sound because the scratch
 * arena holds only Value records (checked before each step; otherwise the step is the
 * TypeScript one): the kernel does not write the tape, and the tape is filled in only when a
 * failed loss check needs it to name a node.
 */
import { zeroGrad } from '../backward';
import { VALUE_RECORD_SIZE } from '../recordLayout';
import { mlpForward, type Activation, type MLP } from '../nn';
import type { StepReport, Trainer } from '../train/trainer';
import { createTrainer } from '../train/trainer';
import { lossOf, runStep, TS_ENGINE, type StepEngine } from '../train/trainStep';
import type { TrainSettings } from '../train/trainSettings';
import { pushLeaves, type Value } from '../value';
import { instantiateKernel, type WasmKernel } from './kernel';

/** A trainer whose memory is Wasm-backed, with the kernel over it and the MLP's layout. */
export interface WasmTrainer extends Trainer {
  readonly kernel: WasmKernel;
  /**
   * Per layer, {@link PLAN_FIELDS} integers: first pointer array, stride between neurons,
   * bias offset, inputs, neurons, activation code, records per neuron. Null when the MLP is not
   * laid out as `createMLP` lays it out (then every step is the TypeScript one).
   */
  readonly plan: Int32Array | null;
  /** Bytes of one point's forward records. */
  readonly pointBytes: number;
}

/** Integers per layer in {@link WasmTrainer.plan}. */
const PLAN_FIELDS = 7;
const ACTIVATION_CODE: Record<Activation, number> = { linear: 0, relu: 1, tanh: 2 };

/** Builds a trainer (as `createTrainer`) on a Wasm-backed memory, with the kernel over it. */
export function createWasmTrainer(settings: TrainSettings): WasmTrainer {
  const trainer = createTrainer(settings, { wasm: true });
  const plan = layerPlan(trainer.mlp);
  let pointBytes = 0;
  for (let l = 0; plan !== null && l < plan.length; l += PLAN_FIELDS) {
    pointBytes += plan[l + 4] * plan[l + 6] * VALUE_RECORD_SIZE;
  }
  return { ...trainer, kernel: instantiateKernel(trainer.memory), plan, pointBytes };
}

/**
 * The MLP's layers as the kernel walks them: in each, neuron j's pointer array at
 * `weights0 + j·stride` and its bias at `+ biasOffset`, all with one activation. Null if any
 * neuron is elsewhere.
 */
function layerPlan(mlp: MLP): Int32Array | null {
  const plan = new Int32Array(mlp.layers.length * PLAN_FIELDS);
  for (let l = 0; l < mlp.layers.length; l++) {
    const neurons = mlp.layers[l].neurons;
    const first = neurons[0];
    const stride = neurons.length > 1 ? neurons[1].weights - first.weights : 0;
    const biasOffset = (first.bias >>> 0) - first.weights;
    for (let j = 0; j < neurons.length; j++) {
      const neuron = neurons[j];
      const laidOut =
        neuron.weights === first.weights + j * stride &&
        neuron.bias >>> 0 === neuron.weights + biasOffset &&
        neuron.activation === first.activation &&
        neuron.inputCount === first.inputCount;
      if (!laidOut) return null;
    }
    const act = ACTIVATION_CODE[first.activation];
    plan.set(
      [first.weights, stride, biasOffset, first.inputCount, neurons.length, act],
      l * PLAN_FIELDS,
    );
    plan[l * PLAN_FIELDS + 6] = 2 * first.inputCount + (act === 0 ? 0 : 1);
  }
  return plan;
}

/** Pushes the inputs, runs every point's forward in the kernel, then builds the loss in TS. */
function wasmForwardLoss(trainer: WasmTrainer): Value {
  const { scratch, mlp, dataset, inputs, scores, scoreValues, kernel, pointBytes } = trainer;
  const plan = trainer.plan!;
  const dims = dataset.dims;
  pushLeaves(scratch, dataset.x, dataset.count * dims, inputs);
  const f64 = scratch.memory.f64;
  const limit = scratch.base + scratch.capacity;
  for (let p = 0; p < dataset.count; p++) {
    let at = scratch.base + scratch.used;
    if (at + pointBytes > limit) {
      mlpForward(scratch, mlp, inputs, p * dims); // throws ArenaOverflowError at the node
      throw new Error('the Wasm engine expected the forward to overflow'); // unreachable
    }
    let input0 = inputs[p * dims]; // the point's leaves are consecutive records
    let inputStride = VALUE_RECORD_SIZE;
    for (let l = 0; l < plan.length; l += PLAN_FIELDS) {
      const layerStart = at;
      at = kernel.forwardLayer(
        at,
        plan[l],
        plan[l + 1],
        plan[l + 2],
        plan[l + 3],
        plan[l + 4],
        plan[l + 5],
        input0,
        inputStride,
      );
      // Neuron j's output is the last of its records: the next layer's input j.
      inputStride = plan[l + 6] * VALUE_RECORD_SIZE;
      input0 = layerStart + inputStride - VALUE_RECORD_SIZE;
    }
    scratch.used = at - scratch.base;
    scratch.tapeLength += pointBytes / VALUE_RECORD_SIZE;
    const score = at - VALUE_RECORD_SIZE;
    scores[p] = score;
    scoreValues[p] = f64[score >> 3];
  }
  return lossOf(trainer);
}

/** The kernel's forward and backward. */
const WASM_ENGINE: StepEngine<WasmTrainer> = {
  forwardLoss: wasmForwardLoss,
  writeTape: (trainer, tapeStart) => {
    const { scratch } = trainer;
    for (let k = tapeStart; k < scratch.tapeLength; k++) {
      scratch.tape[k] = scratch.base + k * VALUE_RECORD_SIZE;
    }
  },
  backward: (trainer, loss) => {
    zeroGrad(trainer.model);
    const address = loss >>> 0;
    trainer.memory.f64[(address >> 3) + 1] = 1;
    trainer.kernel.backward(address, trainer.scratch.base);
  },
};

/**
 * One training step on the Wasm engine: `trainStep`'s, with the kernel's forward and backward.
 * Runs the TypeScript step instead in debug mode (the kernel checks no handle), when the scratch
 * arena holds anything but Value records, or when the MLP is not laid out as the kernel expects.
 */
export function wasmTrainStep(trainer: WasmTrainer): StepReport {
  const { scratch } = trainer;
  const recordsOnly = scratch.used === scratch.tapeLength * VALUE_RECORD_SIZE;
  if (trainer.memory.debug || trainer.plan === null || !recordsOnly) {
    return runStep(trainer, TS_ENGINE);
  }
  return runStep(trainer, WASM_ENGINE);
}
