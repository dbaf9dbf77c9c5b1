/**
 * The backward question: when the sweep reaches a record, "What is the gradient of it?". Its
 * gradient is complete then (every record that uses it comes later on the tape and has been
 * visited), so the truth is read from memory. The hint names each consumer and the part of its
 * op's gradient rule that feeds this record (the core's `OP_INFO`, never a copy), then the
 * numbers that go into each term.
 */
import { gradientAt, opAt, parentAt, parentCountAt, valueAt } from '../record';
import type { Memory } from '../memory';
import { OP_INFO, gradientToParentAt } from '../ops';
import { numberText as n, type PredictQuestion } from './predictQuestion';

/** A record that uses another, and the parent slot it is used in. */
export interface Consumer {
  readonly child: number;
  readonly slot: number;
}

/** Where a record sits on the tape and what names the graph gives records. */
export interface TapePlace {
  readonly memory: Memory;
  readonly tape: Uint32Array;
  /** The step's records are tape indices `[tapeStart, end)`. */
  readonly tapeStart: number;
  readonly end: number;
  readonly nameOf: (address: number) => string;
}

/** Every use of `node` by the step's records after tape index `k`, in the sweep's order. */
export function consumersOf(place: TapePlace, k: number): Consumer[] {
  const { memory, tape, end } = place;
  const node = tape[k];
  const found: Consumer[] = [];
  for (let j = end - 1; j > k; j--) {
    const child = tape[j];
    for (let slot = 0; slot < parentCountAt(memory, child); slot++)
      if (parentAt(memory, child, slot) === node) found.push({ child, slot });
  }
  return found;
}

/** The part of an op's gradient rule that feeds parent `slot` (`a.grad += b · out.grad`). */
export function ruleFor(op: number, slot: number): string {
  const parts = (OP_INFO[op]?.gradientRule ?? '').split(';').map((p) => p.trim());
  return parts[Math.min(slot, parts.length - 1)] ?? '';
}

/** The consumer, its op and what `a`, `b` stand for: `#4 = a · b (a is a, b is b)`. */
function consumerRule(place: TapePlace, { child, slot }: Consumer): string {
  const { memory, nameOf } = place;
  const op = opAt(memory, child);
  const info = OP_INFO[op];
  const operands = [0, 1].slice(0, info?.arity ?? 0).map((s) => {
    const letter = s === 0 ? 'a' : 'b';
    return `${letter} is ${nameOf(parentAt(memory, child, s))}`;
  });
  return `${nameOf(child)} = ${info?.forward ?? '?'} (${operands.join(', ')}): ${ruleFor(op, slot)}`;
}

/** The numbers the consumer's rule uses: `a = 2, b = −3, out = −6, out.grad = −2`. */
function consumerNumbers(place: TapePlace, { child, slot }: Consumer): string {
  const { memory, nameOf } = place;
  const arity = OP_INFO[opAt(memory, child)]?.arity ?? 0;
  const values = [0, 1].slice(0, arity).map((s) => {
    const letter = s === 0 ? 'a' : 'b';
    return `${letter} = ${n(valueAt(memory, parentAt(memory, child, s)))}`;
  });
  values.push(`out = ${n(valueAt(memory, child))}`, `out.grad = ${n(gradientAt(memory, child))}`);
  return `from ${nameOf(child)}: ${ruleFor(opAt(memory, child), slot)} with ${values.join(', ')}`;
}

/**
 * The question for the record at tape index `k` as the sweep reaches it. `key` is where its
 * answers are kept. The output (no consumers) has the gradient the sweep starts from: 1.
 */
export function backwardQuestion(place: TapePlace, k: number, key: string): PredictQuestion {
  const { memory, tape, nameOf } = place;
  const node = tape[k];
  const name = nameOf(node);
  const truth = gradientAt(memory, node);
  const consumers = consumersOf(place, k);
  const base = { key, kind: 'backward' as const, answer: 'number' as const, truth };
  const prompt = `What is the gradient of ${name}?`;
  if (consumers.length === 0) {
    const output = k === place.end - 1;
    const rule = output
      ? `${name} is the output: backward starts from d(${name})/d(${name}).`
      : `${name} is used by no record of the step: nothing flows back into it.`;
    return {
      ...base,
      prompt,
      truthText: n(truth),
      hints: [rule, output ? `d(${name})/d(${name}) = 1.` : 'A sum of no terms is 0.'],
      why: `${name}.grad = ${n(truth)}: ${rule}`,
    };
  }
  const terms = consumers.map((c) => ({ c, amount: gradientToParentAt(memory, c.child, c.slot) }));
  const sum = terms.length > 1 ? ` The gradient is the sum of the ${terms.length} terms (+=).` : '';
  const termText = terms.map((t) => `${n(t.amount)} (${nameOf(t.c.child)}’s share)`).join(' + ');
  return {
    ...base,
    prompt,
    truthText: n(truth),
    hints: [
      `${name} feeds ${consumers.map((c) => consumerRule(place, c)).join('; ')}.${sum}`,
      `${consumers.map((c) => consumerNumbers(place, c)).join('; ')}.`,
    ],
    why: `${name}.grad = ${termText} = ${n(truth)}`,
  };
}
