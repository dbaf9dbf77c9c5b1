/**
 * Every op by code, and the gradient rule for one parent as the views ask for it: the chain-rule
 * panel and the graph's edges call these rather than keep copies of the rules.
 */
import { gradientAt, opAt, parentAt, valueAt } from '../record';
import type { Memory } from '../memory';
import { ADD, DIV, MUL, POW, SUB } from './binaryOps';
import { Op } from './opCodes';
import type { OpInfo } from './opInfo';
import { COS, EXP, LOG, NEG, RELU, SIGMOID, SIN, TANH } from './unaryOps';

/** A leaf: a weight, an input or a constant. It has no parents, so nothing flows further. */
export const LEAF: OpInfo = {
  code: Op.Leaf,
  name: 'leaf',
  symbol: '',
  glyph: '•',
  arity: 0,
  forward: 'given',
  gradientRule: 'none',
  compute: (a) => a,
  gradientToParent: () => 0,
};

/** Every op, indexed by op code. */
export const OP_INFO: readonly OpInfo[] = [
  LEAF,
  ADD,
  MUL,
  RELU,
  SUB,
  NEG,
  DIV,
  POW,
  TANH,
  EXP,
  LOG,
  SIGMOID,
  SIN,
  COS,
];

/** Info for an op code, or undefined for a byte that is no op (e.g. poisoned memory). */
export function opInfo(code: number): OpInfo | undefined {
  return OP_INFO[code];
}

/**
 * What op `op`'s rule adds to the gradient of parent `slot` (see {@link OpInfo.gradientToParent});
 * 0 for a byte that is no op.
 */
export function gradientToParent(
  op: number,
  slot: number,
  out: number,
  a: number,
  b: number,
  outGrad: number,
): number {
  const info = OP_INFO[op];
  return info === undefined ? 0 : info.gradientToParent(slot, out, a, b, outGrad);
}

/**
 * What the rule of the record at `address` adds to the gradient of its parent `slot`, with the
 * record's gradient as it is now: the number the backward sweep adds (or will add) along that
 * edge. For views: it reads the record in place.
 */
export function gradientToParentAt(memory: Memory, address: number, slot: number): number {
  return gradientToParent(
    opAt(memory, address),
    slot,
    valueAt(memory, address),
    valueAt(memory, parentAt(memory, address, 0)),
    valueAt(memory, parentAt(memory, address, 1)),
    gradientAt(memory, address),
  );
}
