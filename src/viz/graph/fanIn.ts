/**
 * A gradient as the sum it is: a record that feeds several others receives one term from each
 * (`w.grad = 1.2 from ×#5 + 0.6 from ×#9`). The terms come from the core's rule for each child
 * (`gradientToParentAt`), added in the sweep's order (down the tape), so the sum is the very
 * number the sweep stored.
 */
import {
  OP_INFO,
  gradientAt,
  gradientToParentAt,
  opAt,
  parentAt,
  parentCountAt,
  type Memory,
} from '../../core';
import { formatNumber as f } from './numberFormat';

/** One child's part of a parent's gradient. */
export interface FanInTerm {
  /** The child's address and the parent's slot in it. */
  readonly child: number;
  readonly slot: number;
  /** What the child added to the parent's gradient. */
  readonly amount: number;
}

/**
 * The terms `parent` has received from the records the sweep has visited: tape indices `to − 1`
 * down to `visitedFrom` of `tape` (the sweep's order).
 */
export function fanInTerms(
  memory: Memory,
  tape: Uint32Array,
  visitedFrom: number,
  to: number,
  parent: number,
): FanInTerm[] {
  const terms: FanInTerm[] = [];
  for (let k = to - 1; k >= visitedFrom; k--) {
    const child = tape[k];
    const count = parentCountAt(memory, child);
    for (let slot = 0; slot < count; slot++)
      if (parentAt(memory, child, slot) === parent)
        terms.push({ child, slot, amount: gradientToParentAt(memory, child, slot) });
  }
  return terms;
}

/** The sum of the terms in the sweep's order, from `start` (the gradient before any term). */
export function fanInSum(terms: readonly FanInTerm[], start = 0): number {
  let sum = start;
  for (const t of terms) sum += t.amount;
  return sum;
}

const SHOWN_TERMS = 4;

/**
 * `name.grad = 1.2 from ×#5 + 0.6 from ×#9 = 1.8`: the gradient of `parent` as the sum of its
 * terms (the first few, then how many more), and its value in memory.
 */
export function fanInLine(
  memory: Memory,
  parent: number,
  terms: readonly FanInTerm[],
  nameOf: (address: number) => string,
): string {
  const part = (t: FanInTerm): string => {
    const symbol = OP_INFO[opAt(memory, t.child)]?.symbol ?? '?';
    return `${f(t.amount)} from ${symbol}${nameOf(t.child)}`;
  };
  const shown = terms.slice(0, SHOWN_TERMS).map(part);
  const more = terms.length - shown.length;
  if (more > 0) shown.push(`… ${more} more`);
  return `${nameOf(parent)}.grad = ${shown.join(' + ')} = ${f(gradientAt(memory, parent))}`;
}
