/**
 * Walking a syntax tree without recursion: a sum of 100,000 terms is a tree 100,000 levels deep
 * (`((a + b) + c) + ...`), which a recursive walk would not survive.
 */
import type {
  BinaryExpr,
  CallExpr,
  Expr,
  NameExpr,
  NegateExpr,
  NumberExpr,
  PowerExpr,
} from './ast';

/** What to compute at each kind of node, given the results of its children. */
export interface ExprReducer<T> {
  number(node: NumberExpr): T;
  name(node: NameExpr): T;
  negate(node: NegateExpr, operand: T): T;
  binary(node: BinaryExpr, left: T, right: T): T;
  /** The exponent is already folded into `node.power`: only the base is reduced. */
  power(node: PowerExpr, base: T): T;
  call(node: CallExpr, argument: T): T;
}

/** The children a walk visits, left to right (a power's exponent is folded, so not visited). */
function children(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'negate':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'power':
      return [node.base];
    case 'call':
      return [node.argument];
    default:
      return [];
  }
}

/**
 * Reduces `root` bottom-up, children left to right before their parent (the order in which an
 * evaluation pushes nodes into an arena), with explicit stacks instead of recursion.
 */
export function reduceExpr<T>(root: Expr, reducer: ExprReducer<T>): T {
  const pending: Expr[] = [root];
  const expanded: boolean[] = [false];
  const results: T[] = [];
  while (pending.length > 0) {
    const node = pending.pop() as Expr;
    if (!expanded.pop()) {
      pending.push(node);
      expanded.push(true);
      const kids = children(node);
      for (let k = kids.length - 1; k >= 0; k--) {
        pending.push(kids[k]);
        expanded.push(false);
      }
      continue;
    }
    results.push(combine(node, reducer, results));
  }
  return results[0];
}

function combine<T>(node: Expr, reducer: ExprReducer<T>, results: T[]): T {
  switch (node.kind) {
    case 'number':
      return reducer.number(node);
    case 'name':
      return reducer.name(node);
    case 'negate':
      return reducer.negate(node, results.pop() as T);
    case 'power':
      return reducer.power(node, results.pop() as T);
    case 'call':
      return reducer.call(node, results.pop() as T);
    case 'binary': {
      const right = results.pop() as T;
      return reducer.binary(node, results.pop() as T, right);
    }
  }
}

/** The leftmost name used anywhere in `root` (exponents included), or undefined. */
export function firstName(root: Expr): NameExpr | undefined {
  const pending: Expr[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as Expr;
    if (node.kind === 'name') return node;
    const kids = node.kind === 'power' ? [node.base, node.exponent] : children(node);
    for (let k = kids.length - 1; k >= 0; k--) pending.push(kids[k]);
  }
  return undefined;
}
