/**
 * Builds a {@link GraphSpec} from the records in memory by following their prev pointers:
 * a stretch of the scratch tape (the guide, the playground) or everything one output depends on
 * (one datapoint of the MLP). Model records appear as leaves, just before their first user.
 */
import {
  Op,
  opAt,
  parentAt,
  parentCountAt,
  tapeIndexOf,
  type Memory,
  type MemoryArena,
  type OpCode,
} from '../../core';
import type { GraphInput, GraphNode, GraphSpec, NeuronGroup } from './spec';

/** Where a parameter sits in an MLP. */
export interface NeuronRef {
  readonly layer: number;
  readonly neuron: number;
}

/** What the extractor needs to name and group records. */
export interface ExtractOptions {
  /** Structure key of the result. */
  readonly key: string;
  /** Names by address (weights, inputs, loss...). */
  readonly labels?: ReadonlyMap<number, string>;
  /** The neuron each model parameter belongs to. */
  readonly neurons?: ReadonlyMap<number, NeuronRef>;
  /** Number of MLP layers (for the collapse controls). */
  readonly layerCount?: number;
  /** Scratch records at or above this tape index never join a neuron (the loss graph). */
  readonly groupLimit?: number;
}

/** The parent addresses of the record at `address`. */
export function parentsOf(memory: Memory, address: number): number[] {
  const count = parentCountAt(memory, address);
  const parents: number[] = [];
  for (let slot = 0; slot < count; slot++) parents.push(parentAt(memory, address, slot));
  return parents;
}

/** Every scratch record in tape range `[from, to)`, with the model records they use. */
export function extractRange(
  scratch: MemoryArena,
  from: number,
  to: number,
  options: ExtractOptions,
): GraphSpec {
  const indices: number[] = [];
  for (let k = from; k < to; k++) indices.push(k);
  return build(scratch, indices, options);
}

/**
 * Everything `roots` (scratch addresses) depend on: walks prev pointers down to the leaves.
 * `summary` adds one more node fed by the first root through a summary link (e.g. the batch loss
 * fed by one point's loss).
 */
export function extractAncestors(
  scratch: MemoryArena,
  roots: readonly number[],
  options: ExtractOptions,
  summary?: number,
): GraphSpec {
  const memory = scratch.memory;
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const address = stack.pop()!;
    if (seen.has(address) || !inArena(scratch, address)) continue;
    seen.add(address);
    for (const parent of parentsOf(memory, address)) stack.push(parent);
  }
  const indices = Array.from(seen, (address) => tapeIndexOf(scratch, address)).sort(
    (a, b) => a - b,
  );
  const spec = build(scratch, indices, options);
  if (summary === undefined || roots.length === 0) return spec;
  const from = spec.nodes.find((n) => n.address === roots[0]);
  const nodes = spec.nodes as GraphNode[];
  nodes.push({
    id: nodes.length,
    kind: 'value',
    arena: 'scratch',
    address: summary,
    tapeIndex: tapeIndexOf(scratch, summary),
    op: opAt(memory, summary) as OpCode,
    label: options.labels?.get(summary) ?? '',
    inputs: from ? [{ node: from.id, slot: -1 }] : [],
    group: -1,
  });
  return spec;
}

function inArena(arena: MemoryArena, address: number): boolean {
  return address >= arena.base && address < arena.base + arena.capacity;
}

/** Scratch records at `indices` (ascending tape order) plus their model parents. */
function build(
  scratch: MemoryArena,
  indices: readonly number[],
  options: ExtractOptions,
): GraphSpec {
  const memory = scratch.memory;
  const nodes: GraphNode[] = [];
  const groups: NeuronGroup[] = [];
  const groupIndex = new Map<string, number>();
  const idOf = new Map<number, number>();
  const labels = options.labels;
  const limit = options.groupLimit ?? Infinity;

  const groupFor = (ref: NeuronRef | undefined): number => {
    if (!ref) return -1;
    const key = `${ref.layer}:${ref.neuron}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push({ layer: ref.layer, neuron: ref.neuron, members: [], output: -1 });
      groupIndex.set(key, g);
    }
    return g;
  };
  const push = (node: GraphNode): number => {
    nodes.push(node);
    idOf.set(node.address, node.id);
    if (node.group >= 0) groups[node.group].members.push(node.id);
    return node.id;
  };

  for (const k of indices) {
    const address = scratch.tape[k];
    const op = opAt(memory, address) as OpCode;
    const inputs: GraphInput[] = [];
    let paramGroup = -1;
    parentsOf(memory, address).forEach((parent, slot) => {
      let id = idOf.get(parent);
      if (id === undefined && !inArena(scratch, parent)) {
        const group = groupFor(options.neurons?.get(parent));
        id = push({
          id: nodes.length,
          kind: 'value',
          arena: 'model',
          address: parent,
          tapeIndex: -1,
          op: opAt(memory, parent) as OpCode,
          label: labels?.get(parent) ?? '',
          inputs: [],
          group,
        });
      }
      if (id === undefined) return; // a scratch parent outside the range: not drawn
      if (nodes[id].arena === 'model' && nodes[id].group >= 0) paramGroup = nodes[id].group;
      inputs.push({ node: id, slot });
    });
    let group = -1;
    if (k < limit) {
      if (paramGroup >= 0) group = paramGroup;
      else if (joinsParents(op) && inputs.length > 0) {
        const g = nodes[inputs[0].node].group;
        if (g >= 0 && inputs.every((input) => nodes[input.node].group === g)) group = g;
      }
    }
    push({
      id: nodes.length,
      kind: 'value',
      arena: 'scratch',
      address,
      tapeIndex: k,
      op,
      label: labels?.get(address) ?? '',
      inputs,
      group,
    });
  }
  for (const group of groups) {
    let best = -1;
    for (const id of group.members) {
      if (
        nodes[id].arena === 'scratch' &&
        (best < 0 || nodes[id].tapeIndex > nodes[best].tapeIndex)
      )
        best = id;
    }
    group.output = best;
  }
  return { key: options.key, nodes, groups, layerCount: options.layerCount ?? 0 };
}

/** Ops a neuron applies to its own running sum: they stay in the neuron. */
function joinsParents(op: OpCode): boolean {
  return op === Op.Add || op === Op.Relu || op === Op.Tanh;
}
