/**
 * The words of the recursion walk: one step of the guide's backward said as the C++ does it,
 * and the closing sum over paths. Every number is read from the walk.
 */
import type { PathEdge, RecursionWalk, WalkStep } from '../../core';

const num = (x: number): string => String(Number(x.toPrecision(6)));

/** A path from the output: `c → b by prev[1] → a by prev[0]` (the output alone: `c itself`). */
export function pathWords(walk: RecursionWalk, path: readonly PathEdge[]): string {
  if (path.length === 0) return `${walk.nodes[walk.output].name} itself`;
  const parts = [walk.nodes[path[0].from].name];
  for (const e of path)
    parts.push(`${walk.nodes[walk.nodes[e.from].parents[e.slot]].name} by prev[${e.slot}]`);
  return parts.join(' → ');
}

/** What step `step` of the walk does, in one or two sentences; C++ is set in `backquotes`. */
export function stepWords(walk: RecursionWalk, step: WalkStep, previous: WalkStep | null): string {
  const node = walk.nodes[step.node];
  const name = node.name;
  const path = `path ${step.pathIndex} of ${step.pathCount} (${pathWords(walk, step.path)})`;
  if (step.kind === 'seed')
    return `\`backward(${name})\`: \`zero_gradients\` sets every gradient to 0, then \`${name}->gradient = 1.0\`. Path 1 of 1 reaches ${name}: the output itself.`;
  if (step.kind === 'visit') {
    if (node.parents.length === 0)
      return `\`backward_internal(${name})\` by ${path}: ${name} is a leaf, with no \`gradient_func\` and no \`prev\`, so the call returns.`;
    return `\`backward_internal(${name})\` by ${path}: ${name}’s \`gradient_func\` runs with ${name}.grad = ${num(step.grads[step.node])}, the sum of every path that has reached ${name} so far, then it recurses into each prev.`;
  }
  const from = walk.nodes[step.from!];
  const before = previous ? num(previous.grads[step.node]) : '0';
  const amount =
    from.op === 'add'
      ? `${from.name}’s gradient, ${num(step.amount!)},`
      : `${num(step.amount!)} (${from.op}’s rule for prev[${step.slot}])`;
  return `Path ${step.pathIndex} of ${step.pathCount} reaches ${name} (${pathWords(walk, step.path)}): \`self->prev[${step.slot}]->gradient += …\` pushes ${amount} into ${name}.grad: ${before} → ${num(step.grads[step.node])}.`;
}

/**
 * The closing sum (colah's "Calculus on Computational Graphs": a derivative is a sum over
 * paths, and reverse mode factors it) for leaf `leaf`: its paths, what each push carried, the
 * recursion's total against the tape's, and the visits of each.
 */
export function sumWords(walk: RecursionWalk, leaf: number): string {
  const node = walk.nodes[leaf];
  const out = walk.nodes[walk.output].name;
  const pushes = walk.steps.filter((s) => s.kind === 'push' && s.node === leaf);
  const amounts = [...new Set(pushes.map((s) => s.amount!))];
  const guide = walk.steps[walk.steps.length - 1].grads[leaf];
  const tape = walk.tape[walk.tape.length - 1].grads[leaf];
  const carried =
    amounts.length === 1
      ? `${pushes.length} × ${num(amounts[0])} = ${num(guide)}`
      : `${pushes.map((s) => num(s.amount!)).join(' + ')} = ${num(guide)}`;
  const allPaths = walk.nodes.reduce((sum, n) => sum + n.paths, 0);
  return `d${out}/d${node.name} is a sum over the ${node.paths} paths from ${out} to ${node.name}: ${num(tape)}. The recursion pushes along each path the pusher’s whole gradient, which already sums all of its own paths: ${carried}. The tape sums each node’s paths into its gradient first and runs its rule once: ${walk.tape.length} visits, one per node, where the recursion makes ${walk.visits}, one per path (${allPaths} paths in all), doubling with each level of x = y + y.`;
}
