/**
 * The fused backward of the lean TypeScript step: `sweepRecords` over the step's records, in the
 * same order with the same arithmetic, but walking each neuron's records as the layer plan lays
 * them out (activation, then add and mul per input, downwards) instead of decoding each record's
 * op and parents. The add records' parents are known by position (the previous add or the bias,
 * and the mul just below), so the sweep loads only what the rules read. ~12 % of the step
 * (`npm run bench`, lean vs the generic sweep measured side by side while it was written).
 * The loss records are swept by `sweepRecords` itself; a test compares every byte of memory with
 * the op-by-op engine's after every step (test/core/wasm/wasmStep.test.ts).
 */
import { sweepRecords } from '../ops';
import { VALUE_RECORD_SIZE } from '../recordLayout';
import type { Value } from '../value';
import { PLAN_FIELDS } from './layerPlan';
import type { Trainer } from './trainer';

/**
 * Applies the gradient rules of one neuron's records, top down: its activation (`act`: 0 none,
 * 1 relu, 2 tanh) at `start + 64·n`, then for i = n−1 … 0 the add at `start + 64·i + 32` (parents:
 * the add below it, or the bias for i = 0, and the mul below it) and the mul at `start + 64·i`
 * (parents: its weight and input, read from the record). Records with gradient 0 are skipped.
 */
function neuronBackward(
  f64: Float64Array,
  u32: Uint32Array,
  start: number,
  n: number,
  act: number,
  bias: number,
): void {
  let at = start + 64 * n; // the activation record (or, with none, one past the last add)
  if (act !== 0) {
    const g = f64[(at >> 3) + 1];
    if (g !== 0) {
      const sum = (at - 32) >> 3; // the last add: the activation's parent
      const out = f64[at >> 3];
      if (act === 1) {
        if (out > 0) f64[sum + 1] += g; // Op.Relu
      } else {
        f64[sum + 1] += (1 - out * out) * g; // Op.Tanh
      }
    }
  }
  at -= 32;
  for (let i = n - 1; i >= 0; i--, at -= 64) {
    const d = at >> 3; // f64 index of add i; its mul is at d − 4
    const g = f64[d + 1];
    if (g !== 0) {
      f64[(i === 0 ? bias >> 3 : d - 8) + 1] += g; // Op.Add: a.grad += g
      f64[d - 3] += g; // b.grad += g
    }
    const gm = f64[d - 3];
    if (gm !== 0) {
      const k = (at - 32) >> 2; // u32 index of the mul
      const a = u32[k + 4] >> 3;
      const b = u32[k + 5] >> 3;
      f64[a + 1] += f64[b] * gm; // Op.Mul
      f64[b + 1] += f64[a] * gm;
    }
  }
}

/**
 * Sweeps the step backward from `loss` (its gradient seeded by the caller): the loss records
 * (`sweepRecords`), then each point's forward records neuron by neuron, last point first, then
 * anything below the step's inputs. The step must have run the fused forward (`fusedForward`),
 * which lays each point's records out as the plan says, right after the inputs.
 */
export function fusedBackward(trainer: Trainer, loss: Value): void {
  const { f64, u32 } = trainer.memory;
  const { scratch, dataset, pointBytes } = trainer;
  const plan = trainer.plan!;
  const inputs = trainer.inputs[0]; // the first input leaf: where the step's records start
  const forwardStart = inputs + dataset.count * dataset.dims * VALUE_RECORD_SIZE;
  const forwardEnd = forwardStart + dataset.count * pointBytes;
  sweepRecords(f64, u32, loss >>> 0, forwardEnd);
  for (let p = dataset.count - 1; p >= 0; p--) {
    let layerEnd = forwardStart + (p + 1) * pointBytes;
    for (let l = plan.length - PLAN_FIELDS; l >= 0; l -= PLAN_FIELDS) {
      const neuronBytes = plan[l + 6] * VALUE_RECORD_SIZE;
      const layerStart = layerEnd - plan[l + 4] * neuronBytes;
      for (let j = plan[l + 4] - 1; j >= 0; j--) {
        const bias = plan[l] + j * plan[l + 1] + plan[l + 2];
        neuronBackward(f64, u32, layerStart + j * neuronBytes, plan[l + 3], plan[l + 5], bias);
      }
      layerEnd = layerStart;
    }
  }
  // The inputs are leaves (nothing flows further); below them, whatever the arena held before.
  sweepRecords(f64, u32, inputs - VALUE_RECORD_SIZE, scratch.base);
}
