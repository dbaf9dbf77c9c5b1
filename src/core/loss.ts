/**
 * Losses built as graphs in the scratch arena, node for node as micrograd's demo builds them
 * (so the 2-16-16-1 moons step has its 65,481 nodes). Constants are leaves in the scratch arena.
 */
import type { MemoryArena } from './arena';
import { add, mul, pow, relu, sub } from './ops';
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
    perPoint[i] =
      kind === 'hinge'
        ? hingeTerm(scratch, scores[i], labels, i)
        : squaredErrorTerm(scratch, scores[i], labels, i);
  }
  return mul(scratch, sumOf(scratch, perPoint, count), createValue(scratch, 1 / count));
}

// One point's term. The label is read here, not passed in: a number handed to a call that V8
// does not inline is boxed, and that would allocate on every step.

/** `relu(1 + −y·score)`, built as micrograd builds it. */
function hingeTerm(
  scratch: MemoryArena,
  score: Value,
  labels: ArrayLike<number>,
  i: number,
): Value {
  const margin = mul(scratch, score, createValue(scratch, -labels[i]));
  return relu(scratch, add(scratch, margin, createValue(scratch, 1)));
}

/** `(score − y)²` */
function squaredErrorTerm(
  scratch: MemoryArena,
  score: Value,
  labels: ArrayLike<number>,
  i: number,
): Value {
  return pow(scratch, sub(scratch, score, createValue(scratch, labels[i])), 2);
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
