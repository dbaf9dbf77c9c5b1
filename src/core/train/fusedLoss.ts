/**
 * The fused loss of the training step: the records `lossOf` (loss.ts) builds op by op — each
 * point's hinge or squared-error term, their sum from the constant 0, the mean, and the L2
 * penalty — written back to back in one pass, with the same values from the same arithmetic in
 * the same order and no tape entries. loss.ts stays the readable statement of the loss; a test
 * compares the bytes of the two (test/core/wasm/wasmStep.test.ts, every step of every engine).
 */
import { VALUE_RECORD_SIZE } from '../recordLayout';
import type { Trainer } from './trainer';

// Each record is written as `lossOf`'s op writes it: value, gradient 0, parents, then one word of
// prev_count | op << 8, then tag 0. Op codes as literals (see `Op` in ops/opCodes.ts):
// leaf 0x000, add 0x102, mul 0x202, relu 0x301, sub 0x402, pow 0x702.

/** Writes the links and gradient of the record at u32 index `k`; its value is written apart. */
function link(
  f64: Float64Array,
  u32: Uint32Array,
  k: number,
  p0: number,
  p1: number,
  word: number,
) {
  f64[(k >> 1) + 1] = 0;
  u32[k + 4] = p0;
  u32[k + 5] = p1;
  u32[k + 6] = word;
  u32[k + 7] = 0;
}

/** Records `lossOf` pushes for this trainer's loss. */
export function lossRecordCount(trainer: Trainer): number {
  const count = trainer.dataset.count;
  const perPoint = trainer.settings.loss === 'hinge' ? 5 : 4;
  const data = perPoint * count + (count + 1) + 2; // terms, the sum from 0, the mean
  const params = trainer.mlp.parameters.length;
  return trainer.settings.l2 === 0 ? data : data + 2 * params + 1 + 2 + 1;
}

/**
 * Writes the loss of the scores in `trainer.scores` (data loss, plus L2 if asked) from the top of
 * the scratch arena, exactly as `lossOf` would push it; returns its address. Returns -1, writing
 * nothing, when its records do not fit or there are no points: then `lossOf` must build it (and
 * throws the arena's overflow error at the node that does not fit).
 */
export function fusedLoss(trainer: Trainer): number {
  const { scratch, dataset, scores, perPoint, settings } = trainer;
  const count = dataset.count;
  const records = lossRecordCount(trainer);
  const start = scratch.base + scratch.used;
  if (count === 0 || start + records * VALUE_RECORD_SIZE > scratch.base + scratch.capacity) {
    return -1;
  }
  const { f64, u32 } = scratch.memory;
  const labels = dataset.y;
  let k = start >> 2; // u32 index of the next record; its f64 index is k >> 1
  for (let i = 0; i < count; i++) {
    const s = scores[i] >>> 0;
    const c = k << 2; // the label's constant
    if (settings.loss === 'hinge') {
      // relu(1 + score · −y): constant −y, mul, constant 1, add, relu.
      f64[k >> 1] = -labels[i];
      link(f64, u32, k, 0, 0, 0);
      f64[(k >> 1) + 4] = f64[s >> 3] * f64[k >> 1];
      link(f64, u32, k + 8, s, c, 0x202);
      f64[(k >> 1) + 8] = 1;
      link(f64, u32, k + 16, 0, 0, 0);
      const sum = f64[(k >> 1) + 4] + f64[(k >> 1) + 8];
      f64[(k >> 1) + 12] = sum;
      link(f64, u32, k + 24, c + 32, c + 64, 0x102);
      f64[(k >> 1) + 16] = sum > 0 ? sum : 0;
      link(f64, u32, k + 32, c + 96, 0, 0x301);
      perPoint[i] = c + 128;
      k += 40;
    } else {
      // (score − y)²: constant y, sub, constant 2, pow.
      f64[k >> 1] = labels[i];
      link(f64, u32, k, 0, 0, 0);
      f64[(k >> 1) + 4] = f64[s >> 3] - f64[k >> 1];
      link(f64, u32, k + 8, s, c, 0x402);
      f64[(k >> 1) + 8] = 2;
      link(f64, u32, k + 16, 0, 0, 0);
      f64[(k >> 1) + 12] = Math.pow(f64[(k >> 1) + 4], f64[(k >> 1) + 8]);
      link(f64, u32, k + 24, c + 32, c + 64, 0x702);
      perPoint[i] = c + 96;
      k += 32;
    }
  }
  // Python's sum(terms): 0 + term₀ (the constant pushed first), then + each term.
  f64[k >> 1] = 0;
  link(f64, u32, k, 0, 0, 0);
  let total = add(f64, u32, k + 8, perPoint[0], k << 2);
  k += 16;
  for (let i = 1; i < count; i++, k += 8) total = add(f64, u32, k, total, perPoint[i]);
  f64[k >> 1] = 1 / count; // the mean: · (1 / count)
  link(f64, u32, k, 0, 0, 0);
  let loss = mul(f64, u32, k + 8, total, k << 2);
  k += 16;
  if (settings.l2 !== 0) {
    // alpha · Σ p²: per parameter p·p, summed from a 0 pushed after the first square.
    const parameters = trainer.mlp.parameters;
    let penalty = mul(f64, u32, k, parameters[0], parameters[0]);
    f64[(k >> 1) + 4] = 0;
    link(f64, u32, k + 8, 0, 0, 0);
    penalty = add(f64, u32, k + 16, penalty, (k << 2) + 32);
    k += 24;
    for (let i = 1; i < parameters.length; i++, k += 16) {
      const square = mul(f64, u32, k, parameters[i], parameters[i]);
      penalty = add(f64, u32, k + 8, penalty, square);
    }
    f64[k >> 1] = settings.l2;
    link(f64, u32, k, 0, 0, 0);
    penalty = mul(f64, u32, k + 8, penalty, k << 2);
    loss = add(f64, u32, k + 16, loss, penalty);
    k += 24;
  }
  scratch.used = (k << 2) - scratch.base;
  scratch.tapeLength += records;
  return loss;
}

/** Writes `a + b` as the record at u32 index `k`; returns its address. */
function add(f64: Float64Array, u32: Uint32Array, k: number, a: number, b: number): number {
  f64[k >> 1] = f64[a >> 3] + f64[b >> 3];
  link(f64, u32, k, a, b, 0x102);
  return k << 2;
}

/** Writes `a · b` as the record at u32 index `k`; returns its address. */
function mul(f64: Float64Array, u32: Uint32Array, k: number, a: number, b: number): number {
  f64[k >> 1] = f64[a >> 3] * f64[b >> 3];
  link(f64, u32, k, a, b, 0x202);
  return k << 2;
}
