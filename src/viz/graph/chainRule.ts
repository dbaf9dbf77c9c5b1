/**
 * The chain rule of one node with its numbers, for the backward panel. The numbers come from the
 * core's own rule for each parent (`gradientToParentAt`), so the panel shows what the backward
 * sweep adds, not a copy of it. Reads the record in place.
 */
import {
  OP_INFO,
  Op,
  gradientAt,
  gradientToParent,
  gradientToParentAt,
  opAt,
  parentAt,
  parentCountAt,
  valueAt,
  type Memory,
} from '../../core';
import { formatNumber as f } from './numberFormat';

/**
 * d(out)/d(parent `slot`) of the record at `address`: the core's rule for that parent with an
 * out.grad of 1.
 */
export function localDerivative(memory: Memory, address: number, slot: number): number {
  const out = valueAt(memory, address);
  const a = valueAt(memory, parentAt(memory, address, 0));
  const b = valueAt(memory, parentAt(memory, address, 1));
  return gradientToParent(opAt(memory, address), slot, out, a, b, 1);
}

/** `x` as an operand after an operator: a negative number in parentheses, `(−2)`. */
const operand = (x: number): string => (x < 0 ? `(${f(x)})` : f(x));

/**
 * One parent's line: `w1.grad += x1 · out.grad = 2 · 0.5 = 1`. The rule's own form is kept
 * (`+=` or `-=`), the arithmetic is written out (unless it is the result itself), and the line
 * ends with what the parent's gradient changes by: after `-=`, as `so y.grad += −2.6`, since
 * `y.grad -= … = 2.6` subtracts 2.6.
 */
export function parentLine(
  who: string,
  sign: '+=' | '-=',
  formula: string,
  numbers: string,
  added: number,
): string {
  const amount = f(sign === '-=' ? -added : added);
  const arithmetic = numbers === amount ? amount : `${numbers} = ${amount}`;
  const line = `${who}.grad ${sign} ${formula} = ${arithmetic}`;
  return sign === '-=' ? `${line}, so ${who}.grad += ${f(added)}` : line;
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
  const op = opAt(memory, address);
  const info = OP_INFO[op];
  const g = gradientAt(memory, address);
  const out = valueAt(memory, address);
  const name = nameOf(address);
  if (!info) return [`${name}: not a Value record`];
  const header = `${name} = ${info.forward} → ${f(out)};  out.grad = ${f(g)}`;
  if (op === Op.Leaf) return [header, `${name} is a leaf: nothing flows further.`];
  if (g === 0) return [header, 'out.grad is 0: nothing to pass on (the sweep skips it).'];
  const count = parentCountAt(memory, address);
  const parents = [0, 1].slice(0, count).map((slot) => parentAt(memory, address, slot));
  const [A, B] = parents.map(nameOf);
  const [a, b] = parents.map((p) => valueAt(memory, p));
  const lines = [header, `rule: ${info.gradientRule}`];
  const add = (who: string, sign: '+=' | '-=', formula: string, numbers: string, slot = 0) =>
    lines.push(parentLine(who, sign, formula, numbers, gradientToParentAt(memory, address, slot)));
  const [ga, gb, o] = [operand(g), operand(b), operand(out)];
  switch (op) {
    case Op.Add:
      add(A, '+=', 'out.grad', f(g), 0);
      add(B, '+=', 'out.grad', f(g), 1);
      break;
    case Op.Mul:
      add(A, '+=', `${B} · out.grad`, `${f(b)} · ${ga}`, 0);
      add(B, '+=', `${A} · out.grad`, `${f(a)} · ${ga}`, 1);
      break;
    case Op.Sub:
      add(A, '+=', 'out.grad', f(g), 0);
      add(B, '-=', 'out.grad', f(g), 1);
      break;
    case Op.Div:
      add(A, '+=', `out.grad / ${B}`, `${f(g)} / ${gb}`, 0);
      add(B, '-=', `${A} / ${B}² · out.grad`, `${f(a)} / ${gb}² · ${ga}`, 1);
      break;
    case Op.Relu:
      add(A, '+=', '(out > 0 ? 1 : 0) · out.grad', `${out > 0 ? 1 : 0} · ${ga}`);
      break;
    case Op.Neg:
      add(A, '-=', 'out.grad', f(g));
      break;
    case Op.Pow:
      add(A, '+=', `n · ${A}^(n−1) · out.grad`, `${f(b)} · ${operand(a)}^${f(b - 1)} · ${ga}`);
      break;
    case Op.Tanh:
      add(A, '+=', '(1 − out²) · out.grad', `(1 − ${o}²) · ${ga}`);
      break;
    case Op.Exp:
      add(A, '+=', 'out · out.grad', `${f(out)} · ${ga}`);
      break;
    case Op.Log:
      add(A, '+=', `out.grad / ${A}`, `${f(g)} / ${operand(a)}`);
      break;
    case Op.Sigmoid:
      add(A, '+=', 'out · (1 − out) · out.grad', `${f(out)} · (1 − ${o}) · ${ga}`);
      break;
    case Op.Sin:
      add(A, '+=', `cos(${A}) · out.grad`, `cos(${f(a)}) · ${f(g)}`, 0);
      break;
    case Op.Cos:
      add(A, '-=', `sin(${A}) · out.grad`, `sin(${f(a)}) · ${f(g)}`, 0);
      break;
  }
  return lines;
}
