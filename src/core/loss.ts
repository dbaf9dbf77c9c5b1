/**
 * Losses built as graphs in the scratch arena, node for node as micrograd's demo builds them
 * (so the 2-16-16-1 moons step has its 65,481 nodes). Constants are leaves in the scratch arena.
 */
import type { MemoryArena } from './arena';
import { add, mul, pow, relu, sub } from './arithmetic';
import { createValue, handleAt, type Value } from './value';

/** The losses on offer. */
export type LossKind = 'hinge' | 'mse';

/** Python's `sum(values)`: starts from the constant 0. */
function sumOf(scratch: MemoryArena, values: ArrayLike<Value>, count: number): Value {
  let total = -1;
  for (let i = 0; i < count; i++) {
    // 0 + v is `v.__radd__(0)` = v + Value(0): the constant is pushed after v.
    total =
      i === 0 ? add(scratch, values[0], createValue(scratch, 0)) : add(scratch, total, values[i]);
  }
  return total < 0 ? createValue(scratch, 0) : total;
}

/**
 * Mean data loss over `count` points: hinge `relu(1 + −yᵢ·scoreᵢ)` or squared error
 * `(scoreᵢ − yᵢ)²`. `perPoint` is scratch space for `count` handles.
 */
export function dataLoss(
  scratch: MemoryArena,
  kind: LossKind,
  scores: ArrayLike<Value>,
  labels: ArrayLike<number>,
  count: number,
  perPoint: Value[],
): Value {
  for (let i = 0; i < count; i++) {
    if (kind === 'hinge') {
      const margin = mul(scratch, scores[i], createValue(scratch, -labels[i]));
      perPoint[i] = relu(scratch, add(scratch, margin, createValue(scratch, 1)));
    } else {
      perPoint[i] = pow(scratch, sub(scratch, scores[i], createValue(scratch, labels[i])), 2);
    }
  }
  return mul(scratch, sumOf(scratch, perPoint, count), createValue(scratch, 1 / count));
}

/** `alpha · Σ p²` over the parameters (addresses in the model arena). */
export function l2Penalty(scratch: MemoryArena, parameters: Uint32Array, alpha: number): Value {
  let total = -1;
  for (let i = 0; i < parameters.length; i++) {
    const p = handleAt(scratch.memory, parameters[i]);
    const square = mul(scratch, p, p);
    total = i === 0 ? add(scratch, square, createValue(scratch, 0)) : add(scratch, total, square);
  }
  return mul(scratch, total < 0 ? createValue(scratch, 0) : total, createValue(scratch, alpha));
}
