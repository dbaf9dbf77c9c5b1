/**
 * Op codes: the one-byte stand-in for the guide's `void (*gradient_func)(Value*)`. A record's
 * `op` byte picks its gradient rule. Each op's name, formulas, forward and rule sit together in
 * `binaryOps.ts` and `unaryOps.ts`; `opTable.ts` lists them by code.
 *
 * The hot paths (`applyGradientRules`, `neuronForward`) spell these codes as literals; tests pin
 * every literal to its name here.
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
  Sin: 12,
  Cos: 13,
} as const;

/** One of the {@link Op} codes. */
export type OpCode = (typeof Op)[keyof typeof Op];
