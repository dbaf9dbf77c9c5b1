import type { OpCode } from './opCodes';

/**
 * Everything about one op but its arena-pushing function: what people read (the inspector, the
 * graph's captions and the chain-rule panel) and the op's arithmetic on plain numbers.
 */
export interface OpInfo {
  readonly code: OpCode;
  /** Short name, as in the expression language (`add`, `relu`, ...). */
  readonly name: string;
  /** Symbol for graph nodes. */
  readonly symbol: string;
  /** One character, for a memory cell too small for the symbol. */
  readonly glyph: string;
  /** How many parents the op records. */
  readonly arity: 0 | 1 | 2;
  /** Forward formula with `a`, `b` for the parents. */
  readonly forward: string;
  /** The gradient rule, as the chain rule applied to each parent. */
  readonly gradientRule: string;
  /** The forward on numbers: `out` from the parents' values (`b` unused by one-parent ops). */
  compute(a: number, b: number): number;
  /**
   * The gradient rule for one parent: what the rule adds to parent `slot`'s gradient, given
   * the record's value `out`, its parents' values `a`, `b` and its gradient `outGrad`. The same
   * arithmetic, operation for operation, as the op's case in `applyGradientRules`.
   */
  gradientToParent(slot: number, out: number, a: number, b: number, outGrad: number): number;
}
