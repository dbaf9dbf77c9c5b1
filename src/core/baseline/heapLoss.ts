/**
 * Losses of the "before" engine, node for node as `loss.ts` (and micrograd's demo) builds them,
 * so both engines make the same number of nodes: 65,481 for the 2-16-16-1 moons step.
 */
import type { LossKind } from '../loss';
import { heapCounts } from './heapCounts';
import { HeapValue } from './heapValue';

/** Python's `sum(values)`: `0 + v` is `v + Value(0)`, then left to right. */
function sumOf(values: HeapValue[]): HeapValue {
  if (values.length === 0) return new HeapValue(0);
  let total = values[0].add(0);
  for (let i = 1; i < values.length; i++) total = total.add(values[i]);
  return total;
}

/** Mean data loss: hinge `relu(1 + −yᵢ·scoreᵢ)` or squared error `(scoreᵢ − yᵢ)²`. */
export function heapDataLoss(
  kind: LossKind,
  scores: HeapValue[],
  labels: ArrayLike<number>,
): HeapValue {
  heapCounts.arrays++; // losses
  const losses = scores.map((score, i) =>
    kind === 'hinge' ? score.mul(-labels[i]).add(1).relu() : score.sub(labels[i]).pow(2),
  );
  return sumOf(losses).mul(1 / scores.length);
}

/** `alpha · Σ p²` over the parameters. */
export function heapL2Penalty(parameters: HeapValue[], alpha: number): HeapValue {
  // A generator in micrograd: each square is made just before it is added.
  let total: HeapValue | undefined;
  for (const p of parameters) {
    const square = p.mul(p);
    total = total === undefined ? square.add(0) : total.add(square);
  }
  return (total ?? new HeapValue(0)).mul(alpha);
}
