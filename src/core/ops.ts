/**
 * Op codes: the one-byte stand-in for the guide's `void (*gradient_func)(Value*)`.
 * A record's `op` byte picks its forward formula and its gradient rule from `OP_INFO`
 * (for people) and from `applyGradientRule` in `gradientRules.ts` (for the machine).
 */
export const Op = {
  /** A leaf: a weight, an input or a constant. No parents, no gradient rule. */
  Leaf: 0,
  Add: 1,
  Mul: 2,
  Relu: 3,
  Sub: 4,
  Neg: 5,
  Div: 6,
  /** `prev[0] ** prev[1]`, where prev[1] is a constant leaf (the exponent). */
  Pow: 7,
  Tanh: 8,
  Exp: 9,
  Log: 10,
  Sigmoid: 11,
} as const;

export type OpCode = (typeof Op)[keyof typeof Op];

/** What a person needs to know about an op: the inspector and captions read this. */
export interface OpInfo {
  readonly code: OpCode;
  /** Short name, as in the expression language (`add`, `relu`, ...). */
  readonly name: string;
  /** Symbol for graph nodes. */
  readonly symbol: string;
  /** How many parents the op records. */
  readonly arity: 0 | 1 | 2;
  /** Forward formula with `a`, `b` for the parents. */
  readonly forward: string;
  /** The gradient rule, as the chain rule applied to each parent. */
  readonly gradientRule: string;
}

/** Every op, indexed by op code. */
export const OP_INFO: readonly OpInfo[] = [
  { code: Op.Leaf, name: 'leaf', symbol: '', arity: 0, forward: 'given', gradientRule: 'none' },
  {
    code: Op.Add,
    name: 'add',
    symbol: '+',
    arity: 2,
    forward: 'a + b',
    gradientRule: 'a.grad += out.grad; b.grad += out.grad',
  },
  {
    code: Op.Mul,
    name: 'mul',
    symbol: '×',
    arity: 2,
    forward: 'a · b',
    gradientRule: 'a.grad += b · out.grad; b.grad += a · out.grad',
  },
  {
    code: Op.Relu,
    name: 'relu',
    symbol: 'relu',
    arity: 1,
    forward: 'max(a, 0)',
    gradientRule: 'a.grad += (out > 0 ? 1 : 0) · out.grad',
  },
  {
    code: Op.Sub,
    name: 'sub',
    symbol: '−',
    arity: 2,
    forward: 'a − b',
    gradientRule: 'a.grad += out.grad; b.grad -= out.grad',
  },
  {
    code: Op.Neg,
    name: 'neg',
    symbol: 'neg',
    arity: 1,
    forward: '−a',
    gradientRule: 'a.grad -= out.grad',
  },
  {
    code: Op.Div,
    name: 'div',
    symbol: '÷',
    arity: 2,
    forward: 'a / b',
    gradientRule: 'a.grad += out.grad / b; b.grad -= a / b² · out.grad',
  },
  {
    code: Op.Pow,
    name: 'pow',
    symbol: '^',
    arity: 2,
    forward: 'a ** n (n constant)',
    gradientRule: 'a.grad += n · a^(n−1) · out.grad (n is constant: no gradient)',
  },
  {
    code: Op.Tanh,
    name: 'tanh',
    symbol: 'tanh',
    arity: 1,
    forward: 'tanh(a)',
    gradientRule: 'a.grad += (1 − out²) · out.grad',
  },
  {
    code: Op.Exp,
    name: 'exp',
    symbol: 'exp',
    arity: 1,
    forward: 'e^a',
    gradientRule: 'a.grad += out · out.grad',
  },
  {
    code: Op.Log,
    name: 'log',
    symbol: 'log',
    arity: 1,
    forward: 'ln(a)',
    gradientRule: 'a.grad += out.grad / a',
  },
  {
    code: Op.Sigmoid,
    name: 'sigmoid',
    symbol: 'σ',
    arity: 1,
    forward: '1 / (1 + e^−a)',
    gradientRule: 'a.grad += out · (1 − out) · out.grad',
  },
];

/** Info for an op code, or undefined for a byte that is no op (e.g. poisoned memory). */
export function opInfo(code: number): OpInfo | undefined {
  return OP_INFO[code];
}
