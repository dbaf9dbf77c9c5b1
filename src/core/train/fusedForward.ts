/**
 * The fused forward of the training step: each point's records written a layer at a time by one
 * call, rather than op by op. The TypeScript `forwardLayer` here and the Wasm kernel's
 * (kernel.wat) write the very bytes `mlpForward` writes (the same records, the same arithmetic in
 * the same order: a test compares them byte for byte), minus the tape entries, which the step
 * writes only if a failed loss check needs them (`writeRecordTape`).
 */
import type { MemoryArena } from '../arena';
import { mlpForward } from '../nn';
import { VALUE_RECORD_SIZE } from '../recordLayout';
import { pushLeaves } from '../value';
import { PLAN_FIELDS, type LayerPlan } from './layerPlan';
import type { Trainer } from './trainer';

/**
 * Writes the forward records of a layer of `m` neurons of `n` inputs each, from address `at`;
 * returns the address after the last one. Neuron j's pointer array is at `weights0 + j·stride`,
 * its bias at that `+ biasOffset`; input i is the record at `input0 + i·inputStride`; `act` is
 * an activation code (`ACTIVATION_CODE`). The caller has checked that the records fit.
 */
export type LayerForward = (
  f64: Float64Array,
  u32: Uint32Array,
  at: number,
  weights0: number,
  stride: number,
  biasOffset: number,
  n: number,
  m: number,
  act: number,
  input0: number,
  inputStride: number,
) => number;

/**
 * The TypeScript {@link LayerForward}: per input a mul (weight × input) and an add (running sum),
 * then the activation, as nn.ts's `neuronForward`. Release mode only: it writes no debug tag
 * (a trainer's scratch arena only ever holds records, whose tag bytes are 0 in release) and no
 * tape. Field offsets and op codes are literals (see `writeLinks` in value.ts for why). Indices
 * are kept in f64 units (one shift per record fewer: ~10 % of the forward, `npm run bench`).
 */
export const forwardLayer: LayerForward = (
  f64,
  u32,
  at,
  weights0,
  stride,
  biasOffset,
  n,
  m,
  act,
  input0,
  inputStride,
) => {
  let d = at >> 3; // f64 index of the next record; its u32 index is d << 1
  const xStep = inputStride >> 3;
  for (let j = 0; j < m; j++) {
    const first = (weights0 + j * stride) >> 2; // u32 index of the pointer array
    const end = first + n;
    let sum = weights0 + j * stride + biasOffset; // address of the running sum (the bias)
    let total = f64[sum >> 3];
    let x = input0 >> 3; // f64 index of input i
    for (let p = first; p < end; p++) {
      const w = u32[p];
      const product = f64[w >> 3] * f64[x];
      total += product;
      // The mul record at d (weight × input), then the add record at d + 4 (sum + the mul).
      f64[d] = product; // value @0
      f64[d + 1] = 0; // gradient @8
      f64[d + 4] = total;
      f64[d + 5] = 0;
      const k = d << 1;
      u32[k + 4] = w; // prev[0] @16
      u32[k + 5] = x << 3; // prev[1] @20
      u32[k + 6] = 0x202; // prev_count 2 | Op.Mul (2) << 8 @24
      u32[k + 12] = sum;
      u32[k + 13] = d << 3;
      u32[k + 14] = 0x102; // prev_count 2 | Op.Add (1) << 8
      sum = (d << 3) + 32;
      d += 8;
      x += xStep;
    }
    if (act !== 0) {
      f64[d] = act === 1 ? (total > 0 ? total : 0) : Math.tanh(total);
      f64[d + 1] = 0;
      const k = d << 1;
      u32[k + 4] = sum;
      u32[k + 5] = 0;
      u32[k + 6] = act === 1 ? 0x301 : 0x801; // prev_count 1 | Op.Relu (3) or Op.Tanh (8) << 8
      d += 4;
    }
  }
  return d << 3;
};

/**
 * Pushes the inputs and runs every point's forward through `layer` (the step then builds the
 * loss op by op: `lossOf`). The trainer must have a layer plan. A point that does not fit runs `mlpForward`
 * instead, which throws the arena's `ArenaOverflowError` at the node that does not fit (so no
 * fused forward ever writes past the arena).
 */
export function fusedForward(trainer: Trainer, layer: LayerForward): void {
  const { scratch, mlp, dataset, inputs, scores, scoreValues, pointBytes } = trainer;
  const plan = trainer.plan!;
  const dims = dataset.dims;
  pushLeaves(scratch, dataset.x, dataset.count * dims, inputs);
  const { f64, u32 } = scratch.memory;
  const limit = scratch.base + scratch.capacity;
  for (let p = 0; p < dataset.count; p++) {
    let at = scratch.base + scratch.used;
    if (at + pointBytes > limit) {
      mlpForward(scratch, mlp, inputs, p * dims); // throws ArenaOverflowError at the node
      throw new Error('the fused forward expected the forward to overflow'); // unreachable
    }
    // The point's leaves are consecutive records.
    at = forwardPoint(f64, u32, plan, layer, at, inputs[p * dims]);
    scratch.used = at - scratch.base;
    scratch.tapeLength += pointBytes / VALUE_RECORD_SIZE;
    const score = at - VALUE_RECORD_SIZE;
    scores[p] = score;
    scoreValues[p] = f64[score >> 3];
  }
}

/**
 * Writes one point's forward records through every layer of `plan` from address `at`, its inputs
 * the consecutive records from `input0`; returns the address after the last record (the score's
 * record is the last one).
 */
export function forwardPoint(
  f64: Float64Array,
  u32: Uint32Array,
  plan: LayerPlan,
  layer: LayerForward,
  at: number,
  input0: number,
): number {
  let inputStride = VALUE_RECORD_SIZE;
  for (let l = 0; l < plan.length; l += PLAN_FIELDS) {
    const layerStart = at;
    at = layer(
      f64,
      u32,
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
  return at;
}

/**
 * Fills in the tape entries of `scratch` from index `tapeStart` on, for a step whose fused
 * forward counted its records without writing them (the scratch arena holds only records).
 */
export function writeRecordTape(scratch: MemoryArena, tapeStart: number): void {
  for (let k = tapeStart; k < scratch.tapeLength; k++) {
    scratch.tape[k] = scratch.base + k * VALUE_RECORD_SIZE;
  }
}

/** Whether `scratch` holds only Value records, back to back (so addresses can stand for a tape). */
export function holdsOnlyRecords(scratch: MemoryArena): boolean {
  return scratch.used === scratch.tapeLength * VALUE_RECORD_SIZE;
}
