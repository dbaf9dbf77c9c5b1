/**
 * An MLP's layers as the fused forwards walk them (the TypeScript `forwardLayer` in
 * fusedForward.ts and the Wasm kernel's): per layer, where its neurons' pointer arrays and biases
 * sit in the model arena, and how many records each neuron writes.
 */
import type { Activation, MLP } from '../nn';
import { VALUE_RECORD_SIZE } from '../recordLayout';

/**
 * Per layer, {@link PLAN_FIELDS} integers: first pointer array, stride between neurons, bias
 * offset, inputs, neurons, activation code, records per neuron.
 */
export type LayerPlan = Int32Array;

/** Integers per layer in a {@link LayerPlan}. */
export const PLAN_FIELDS = 7;

/** Activation codes of the fused forwards: 0 linear, 1 relu, 2 tanh. */
export const ACTIVATION_CODE: Record<Activation, number> = { linear: 0, relu: 1, tanh: 2 };

/**
 * The MLP's layers as the fused forwards walk them: in each, neuron j's pointer array at
 * `weights0 + j·stride` and its bias at `+ biasOffset`, all with one activation (as `createMLP`
 * lays them out). Null if any neuron is elsewhere: then only the op-by-op forward can run it.
 */
export function layerPlan(mlp: MLP): LayerPlan | null {
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

/** Bytes of the records one point's forward writes through the whole plan. */
export function pointBytesOf(plan: LayerPlan): number {
  let bytes = 0;
  for (let l = 0; l < plan.length; l += PLAN_FIELDS) {
    bytes += plan[l + 4] * plan[l + 6] * VALUE_RECORD_SIZE;
  }
  return bytes;
}
