/**
 * What the graph view draws, as plain data: a list of nodes in topological order (parents
 * before children), each pointing at a real Value record by address. Values and gradients are
 * not copied here: the renderer reads them from memory while drawing.
 */
import type { OpCode } from '../../core';

/** Which arena a drawn record lives in. */
export type ArenaKind = 'model' | 'scratch';

/** An incoming edge: `node` feeds this one through prev slot `slot` (-1: a summary link). */
export interface GraphInput {
  readonly node: number;
  readonly slot: number;
}

/** One drawn box. */
export interface GraphNode {
  /** Index in `GraphSpec.nodes`. */
  readonly id: number;
  /** A Value record, or a collapsed neuron standing for all of its records. */
  readonly kind: 'value' | 'neuron';
  readonly arena: ArenaKind;
  /** Byte address of the record (of the neuron's output for a collapsed neuron). */
  readonly address: number;
  /** Position on the scratch tape, or -1 for a model record. */
  readonly tapeIndex: number;
  readonly op: OpCode;
  /** Name shown on the node (`w1`, `x2`, `loss`, a program's name), or ''. */
  readonly label: string;
  /** Incoming edges, parents first in prev order. */
  readonly inputs: readonly GraphInput[];
  /** Index in `GraphSpec.groups` of the neuron this record belongs to, or -1. */
  readonly group: number;
}

/** The records one neuron pushes (and owns in the model arena). */
export interface NeuronGroup {
  /** 0-based layer and neuron index. */
  readonly layer: number;
  readonly neuron: number;
  /** Node ids of its members (weights, bias, products, sums, activation). */
  readonly members: number[];
  /** Node id of its output (the member with the highest tape index). */
  output: number;
}

/** A drawable graph. `key` names its structure: equal keys mean equal layouts. */
export interface GraphSpec {
  readonly key: string;
  readonly nodes: readonly GraphNode[];
  readonly groups: readonly NeuronGroup[];
  /** Number of MLP layers the groups come from (0 when there are none). */
  readonly layerCount: number;
}

/** Calls `visit(from, to, slot)` for every edge of `spec`. */
export function forEachEdge(
  spec: GraphSpec,
  visit: (from: number, to: number, slot: number) => void,
): void {
  for (const node of spec.nodes) {
    for (const input of node.inputs) visit(input.node, node.id, input.slot);
  }
}

/** Number of edges of `spec`. */
export function edgeCount(spec: GraphSpec): number {
  let count = 0;
  for (const node of spec.nodes) count += node.inputs.length;
  return count;
}
