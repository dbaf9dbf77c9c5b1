/**
 * The guide's backward, exactly as `arena-migration-guide.md` writes it, on arena records:
 *
 * ```cpp
 * void zero_gradients(Value* v) { v->gradient = 0; for (i < prev_count) zero_gradients(v->prev[i]); }
 * void backward_internal(Value* v) {
 *   if (v->gradient_func) v->gradient_func(v);
 *   for (i < prev_count) backward_internal(v->prev[i]);
 * }
 * void backward(Value* v) { zero_gradients(v); v->gradient = 1.0; backward_internal(v); }
 * ```
 *
 * A shared node is visited once per path from the output, and its gradient function re-applied
 * each time: `b = a + a; c = b + b` gives dc/da = 8 (right: 4), and the visits double with
 * every level. The recursion is kept in its order (pre-order, `prev[0]` before `prev[1]`) with an
 * explicit stack, so a deep graph cannot overflow the call stack, and it stops at a budget of
 * visits. Each visit applies the record's rule with the tape sweep's own code.
 */
import { applyGradientRules } from '../ops/gradientSweep';
import type { Memory } from '../memory';

/** Visits the guide's backward may make before it is stopped (each of its two recursions). */
export const GUIDE_VISIT_BUDGET = 1_000_000;

/** What one run of the guide's backward did. */
export interface GuideBackwardRun {
  /** Calls of `backward_internal` made (each applied the node's gradient function). */
  readonly visits: number;
  /** Calls of `zero_gradients` made. */
  readonly zeroVisits: number;
  /** Calls `backward_internal` would make unstopped: the number of paths, summed (a double). */
  readonly wouldVisit: number;
  /** False when the budget stopped it: the gradients are then partial. */
  readonly complete: boolean;
}

/** Runs the guide's `backward(v)` on the record at `output` in `memory`. */
export function guideBackward(
  memory: Memory,
  output: number,
  budget: number = GUIDE_VISIT_BUDGET,
): GuideBackwardRun {
  const { f64, u32 } = memory;
  const wouldVisit = pathCount(memory, output);
  const stack: number[] = [output];
  let zeroVisits = 0;
  while (stack.length > 0 && zeroVisits < budget) {
    const v = stack.pop()!;
    zeroVisits++;
    f64[(v >> 3) + 1] = 0;
    pushParents(u32, v, stack);
  }
  if (stack.length > 0) return { visits: 0, zeroVisits, wouldVisit, complete: false };
  f64[(output >> 3) + 1] = 1;
  const one = new Uint32Array(1);
  let visits = 0;
  stack.push(output);
  while (stack.length > 0 && visits < budget) {
    const v = stack.pop()!;
    visits++;
    one[0] = v;
    applyGradientRules(f64, u32, one, 0, 0); // the node's gradient_func (a leaf has none)
    pushParents(u32, v, stack);
  }
  return { visits, zeroVisits, wouldVisit, complete: stack.length === 0 };
}

/** Pushes `prev[prev_count - 1]` … `prev[0]`, so that `prev[0]` is visited first. */
function pushParents(u32: Uint32Array, v: number, stack: number[]): void {
  const w = v >> 2;
  const count = u32[w + 6] & 0xff;
  for (let i = count - 1; i >= 0; i--) stack.push(u32[w + 4 + i]);
}

/**
 * Calls of `backward_internal` the guide's backward makes from `output`: 1 + the calls from
 * each parent, counted with multiplicity (a node used twice is entered twice). Computed once
 * per record, so a graph whose count is 2^60 is counted without walking it.
 */
export function pathCount(memory: Memory, output: number): number {
  const { u32 } = memory;
  const counted = new Map<number, number>();
  const stack: number[] = [output];
  while (stack.length > 0) {
    const v = stack[stack.length - 1];
    if (counted.has(v)) {
      stack.pop();
      continue;
    }
    const w = v >> 2;
    const count = u32[w + 6] & 0xff;
    let total = 1;
    let ready = true;
    for (let i = 0; i < count; i++) {
      const parent = u32[w + 4 + i];
      const known = counted.get(parent);
      if (known === undefined) {
        ready = false;
        stack.push(parent);
      } else total += known;
    }
    if (ready) {
      counted.set(v, total);
      stack.pop();
    }
  }
  return counted.get(output)!;
}
