/**
 * The chain rule of one node with its numbers, for the backward panel, and each parent's local
 * derivative (for the width of the edge the gradient travels along). Reads the record in place.
 */
import { OP_INFO, Op, OFFSET_OP, OFFSET_PREV0, OFFSET_PREV_COUNT, type Memory } from '../../core';
import { formatNumber as f } from './format';

/** d(out)/d(parent `slot`) of the record at `address`. */
export function localDerivative(memory: Memory, address: number, slot: number): number {
  const { f64, u32, u8 } = memory;
  const out = f64[address >> 3];
  const a = f64[u32[(address + OFFSET_PREV0) >> 2] >> 3];
  const b = f64[u32[((address + OFFSET_PREV0) >> 2) + 1] >> 3];
  switch (u8[address + OFFSET_OP]) {
    case Op.Add:
      return 1;
    case Op.Mul:
      return slot === 0 ? b : a;
    case Op.Relu:
      return out > 0 ? 1 : 0;
    case Op.Sub:
      return slot === 0 ? 1 : -1;
    case Op.Neg:
      return -1;
    case Op.Div:
      return slot === 0 ? 1 / b : -a / (b * b);
    case Op.Pow:
      return slot === 0 ? b * Math.pow(a, b - 1) : 0;
    case Op.Tanh:
      return 1 - out * out;
    case Op.Exp:
      return out;
    case Op.Log:
      return 1 / a;
    case Op.Sigmoid:
      return out * (1 - out);
    default:
      return 0;
  }
}

/**
 * Lines such as `w1.grad += x1 · out.grad = 2 · 0.5 = 1`, one per parent, after a header naming
 * the node and its rule. `nameOf` names a record by address.
 */
export function chainRuleLines(
  memory: Memory,
  address: number,
  nameOf: (address: number) => string,
): string[] {
  const { f64, u32, u8 } = memory;
  const op = u8[address + OFFSET_OP];
  const info = OP_INFO[op];
  const g = f64[(address >> 3) + 1];
  const out = f64[address >> 3];
  const name = nameOf(address);
  if (!info) return [`${name}: not a Value record`];
  const header = `${name} = ${info.forward} → ${f(out)};  out.grad = ${f(g)}`;
  if (op === Op.Leaf) return [header, `${name} is a leaf: nothing flows further.`];
  if (g === 0) return [header, 'out.grad is 0: nothing to pass on (the sweep skips it).'];
  const count = u8[address + OFFSET_PREV_COUNT];
  const parents = [0, 1].slice(0, count).map((j) => u32[((address + OFFSET_PREV0) >> 2) + j]);
  const [A, B] = parents.map(nameOf);
  const [a, b] = parents.map((p) => f64[p >> 3]);
  const lines = [header, `rule: ${info.gradientRule}`];
  const add = (who: string, sign: string, formula: string, numbers: string, slot: number): void => {
    const amount = localDerivative(memory, address, slot) * g;
    const shown = sign === '-=' ? -amount : amount;
    lines.push(`${who}.grad ${sign} ${formula} = ${numbers} = ${f(shown)}`);
  };
  switch (op) {
    case Op.Add:
      add(A, '+=', 'out.grad', f(g), 0);
      add(B, '+=', 'out.grad', f(g), 1);
      break;
    case Op.Mul:
      add(A, '+=', `${B} · out.grad`, `${f(b)} · ${f(g)}`, 0);
      add(B, '+=', `${A} · out.grad`, `${f(a)} · ${f(g)}`, 1);
      break;
    case Op.Sub:
      add(A, '+=', 'out.grad', f(g), 0);
      add(B, '-=', 'out.grad', f(g), 1);
      break;
    case Op.Div:
      add(A, '+=', `out.grad / ${B}`, `${f(g)} / ${f(b)}`, 0);
      add(B, '-=', `${A} / ${B}² · out.grad`, `${f(a)} / ${f(b)}² · ${f(g)}`, 1);
      break;
    case Op.Relu:
      add(A, '+=', '(out > 0 ? 1 : 0) · out.grad', `${out > 0 ? 1 : 0} · ${f(g)}`, 0);
      break;
    case Op.Neg:
      add(A, '-=', 'out.grad', f(g), 0);
      break;
    case Op.Pow:
      add(A, '+=', `n · ${A}^(n−1) · out.grad`, `${f(b)} · ${f(a)}^${f(b - 1)} · ${f(g)}`, 0);
      break;
    case Op.Tanh:
      add(A, '+=', '(1 − out²) · out.grad', `(1 − ${f(out)}²) · ${f(g)}`, 0);
      break;
    case Op.Exp:
      add(A, '+=', 'out · out.grad', `${f(out)} · ${f(g)}`, 0);
      break;
    case Op.Log:
      add(A, '+=', `out.grad / ${A}`, `${f(g)} / ${f(a)}`, 0);
      break;
    case Op.Sigmoid:
      add(A, '+=', 'out · (1 − out) · out.grad', `${f(out)} · (1 − ${f(out)}) · ${f(g)}`, 0);
      break;
  }
  return lines;
}
