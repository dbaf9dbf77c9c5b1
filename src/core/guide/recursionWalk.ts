/**
 * The guide's recursive backward taken one line at a time, for a view that walks it: every
 * call of `backward_internal` (a visit) and every `prev[i]->gradient += …` its gradient function
 * runs (a push), in the order the C++ runs them, each with the path from the output it walks,
 * which of the node's paths that is, and every node's gradient after it. Beside it, the tape's
 * one sweep (this engine's `backward`, a node at a time).
 *
 * A derivative is a sum over paths (colah, "Calculus on Computational Graphs"): the recursion
 * carries each path's gradient down separately, so a node reached by n paths re-runs its rule
 * n times, each time with its whole, already-summed gradient; the tape factors the sum, running
 * each rule once. All numbers come from running the program's records: the visits apply the
 * engine's gradient rules (`applyGradientRules`), a push's amount is the rule for that one
 * parent (`gradientToParentAt`), the tape is `sweepNext`.
 */
import { createSweep, sweepNext, zeroGrad } from '../backward';
import { Memory, MB } from '../memory';
import type { MemoryArena } from '../arena';
import { evaluateProgram } from '../expr/evaluate';
import { applyGradientRules } from '../ops/gradientSweep';
import { gradientToParentAt, OP_INFO } from '../ops/opTable';
import { gradientAt, opAt, parentAt, parentCountAt, setGradientAt, valueAt } from '../record';
import { addressOf } from '../value';

/**
 * Steps a walk may record before it stops, after the visit (and its pushes) that reaches it: a
 * doubling chain of n levels takes 3·2ⁿ steps or so.
 */
export const WALK_STEP_BUDGET = 10_000;

/** One node of the program's graph (a record on the tape, up to the output). */
export interface WalkNode {
  readonly address: number;
  /** The statement's name bound to it, or its number (a constant), or its op's name. */
  readonly name: string;
  /** Its op's name (`add`, `mul`, `leaf`, …). */
  readonly op: string;
  /** Node indices of `prev[0]`, `prev[1]` (as many as the record uses). */
  readonly parents: readonly number[];
  /** Paths from the output to it: how often the recursion reaches it (0: not reached). */
  readonly paths: number;
}

/** One edge of a path: from a node to its parent in slot `slot` (`prev[slot]`). */
export interface PathEdge {
  readonly from: number;
  readonly slot: number;
}

/** One line of the guide's backward as it ran. */
export interface WalkStep {
  /**
   * `seed`: `backward(v)` zeroed the gradients and set the output's to 1; `visit`: a call of
   * `backward_internal(node)`; `push`: one `prev[slot]->gradient += …` of `from`'s rule, into
   * `node`.
   */
  readonly kind: 'seed' | 'visit' | 'push';
  /** The node visited, or the node a push adds into. */
  readonly node: number;
  /** The path from the output to `node` this step walks (empty for the output). */
  readonly path: readonly PathEdge[];
  /** Which of `node`'s paths that is (1-based, in the order the recursion takes them). */
  readonly pathIndex: number;
  /** `node`'s paths in all. */
  readonly pathCount: number;
  /** A push: the node whose rule pushes, the slot, and the amount added (the rule's value). */
  readonly from?: number;
  readonly slot?: number;
  readonly amount?: number;
  /** Per node: the paths that have reached it so far (a push along a path's last edge). */
  readonly reached: readonly number[];
  /** Per node: its gradient after this step. */
  readonly grads: readonly number[];
}

/** One node of the tape's sweep: its rule run once, with what it added to each parent. */
export interface TapeStep {
  readonly node: number;
  readonly pushes: readonly { readonly into: number; readonly amount: number }[];
  readonly grads: readonly number[];
}

/** The guide's recursion and the tape's sweep on one program. */
export interface RecursionWalk {
  readonly nodes: readonly WalkNode[];
  /** The output's node index (the last node). */
  readonly output: number;
  readonly steps: readonly WalkStep[];
  /** Calls of `backward_internal` made (the `visit` steps). */
  readonly visits: number;
  /** False when {@link WALK_STEP_BUDGET} stopped it: the gradients are then partial. */
  readonly complete: boolean;
  /** The tape sweep from the output down, one step per record. */
  readonly tape: readonly TapeStep[];
}

/** The reachable part of the tape, as nodes, and the paths to each. */
function readNodes(
  memory: Memory,
  tape: Uint32Array,
  count: number,
  names: Map<number, string>,
): WalkNode[] {
  const index = new Map<number, number>();
  for (let k = 0; k < count; k++) index.set(tape[k], k);
  const paths = new Array<number>(count).fill(0);
  paths[count - 1] = 1;
  const parents: number[][] = [];
  for (let k = 0; k < count; k++) {
    const address = tape[k];
    const slots = parentCountAt(memory, address);
    parents.push(Array.from({ length: slots }, (_, s) => index.get(parentAt(memory, address, s))!));
  }
  // Tape order is topological: every path to a parent passes through a node later on the tape.
  for (let k = count - 1; k >= 0; k--) for (const p of parents[k]) paths[p] += paths[k];
  return parents.map((prev, k) => {
    const address = tape[k];
    const op = OP_INFO[opAt(memory, address)]?.name ?? 'leaf';
    const name = names.get(address) ?? (op === 'leaf' ? String(valueAt(memory, address)) : op);
    return { address, name, op, parents: prev, paths: paths[k] };
  });
}

/**
 * Runs `source` into an arena, then on its records: the tape's sweep, node by node, and the
 * guide's `backward(output)` line by line. Throws the expression language's errors for a bad
 * program.
 */
export function walkRecursion(source: string, budget: number = WALK_STEP_BUDGET): RecursionWalk {
  const memory = new Memory();
  const scratch = memory.addArena('scratch', MB(1));
  const result = evaluateProgram(scratch, source);
  const names = new Map<number, string>();
  for (const s of result.statements)
    if (!names.has(addressOf(s.value))) names.set(addressOf(s.value), s.name);
  const outputAddress = addressOf(result.bindings.get(result.output)!);
  let count = 0;
  while (count < scratch.tapeLength - 1 && scratch.tape[count] !== outputAddress) count++;
  count++;
  const nodes = readNodes(memory, scratch.tape, count, names);
  const output = count - 1;
  const grads = (): number[] => nodes.map((n) => gradientAt(memory, n.address));
  const tape = sweepTape(scratch, nodes, output, grads);
  zeroGrad(scratch);
  const walk = walkGuide(memory, nodes, output, grads, budget);
  return { nodes, output, tape, ...walk };
}

/** The engine's backward, a node at a time (`sweepNext`), with each rule's pushes. */
function sweepTape(
  scratch: MemoryArena,
  nodes: readonly WalkNode[],
  output: number,
  grads: () => number[],
): TapeStep[] {
  const memory = scratch.memory;
  const sweep = createSweep(scratch, output, 0);
  setGradientAt(memory, nodes[output].address, 1);
  const steps: TapeStep[] = [];
  for (let k = output; k >= 0; k--) {
    const node = nodes[k];
    const pushes = node.parents.map((into, slot) => ({
      into,
      amount: gradientToParentAt(memory, node.address, slot),
    }));
    sweepNext(sweep);
    steps.push({ node: k, pushes, grads: grads() });
  }
  return steps;
}

/** The guide's `backward(output)`: zero, seed, then `backward_internal` with its stack. */
function walkGuide(
  memory: Memory,
  nodes: readonly WalkNode[],
  output: number,
  grads: () => number[],
  budget: number,
): Pick<RecursionWalk, 'steps' | 'visits' | 'complete'> {
  const reached = nodes.map(() => 0);
  reached[output] = 1;
  setGradientAt(memory, nodes[output].address, 1);
  const steps: WalkStep[] = [
    {
      kind: 'seed',
      node: output,
      path: [],
      pathIndex: 1,
      pathCount: 1,
      reached: [...reached],
      grads: grads(),
    },
  ];
  type Call = { node: number; path: PathEdge[]; pathIndex: number };
  const stack: Call[] = [{ node: output, path: [], pathIndex: 1 }];
  const one = new Uint32Array(1);
  let visits = 0;
  while (stack.length > 0 && steps.length < budget) {
    const { node, path, pathIndex } = stack.pop()!;
    const { address, parents, paths } = nodes[node];
    visits++;
    const before = grads();
    steps.push({
      kind: 'visit',
      node,
      path,
      pathIndex,
      pathCount: paths,
      reached: [...reached],
      grads: before,
    });
    // The rule's amounts for each parent, read before it runs; then the rule runs as the engine's.
    const amounts = parents.map((_, slot) => gradientToParentAt(memory, address, slot));
    one[0] = address;
    applyGradientRules(memory.f64, memory.u32, one, 0, 0);
    const running = [...before];
    const calls: Call[] = parents.map((into, slot) => {
      running[into] += amounts[slot];
      const index = ++reached[into];
      const edgePath = [...path, { from: node, slot }];
      steps.push({
        kind: 'push',
        node: into,
        path: edgePath,
        pathIndex: index,
        pathCount: nodes[into].paths,
        from: node,
        slot,
        amount: amounts[slot],
        reached: [...reached],
        grads: [...running],
      });
      return { node: into, path: edgePath, pathIndex: index };
    });
    for (let i = calls.length - 1; i >= 0; i--) stack.push(calls[i]);
  }
  return { steps, visits, complete: stack.length === 0 };
}
