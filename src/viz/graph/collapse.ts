/**
 * Collapsing layers of an MLP graph: every neuron of a collapsed layer is drawn as one box (its
 * output record) fed by whatever feeds the neuron from outside; its weights, products and sums
 * are hidden. The result is a new spec with its own structure key.
 */
import type { GraphInput, GraphNode, GraphSpec, NeuronGroup } from './spec';

/** `spec` with the neurons of `collapsed` layers (0-based) folded into one box each. */
export function collapseLayers(spec: GraphSpec, collapsed: ReadonlySet<number>): GraphSpec {
  const folds = (g: number): boolean =>
    g >= 0 && collapsed.has(spec.groups[g].layer) && spec.groups[g].output >= 0;
  if (!spec.groups.some((_, g) => folds(g))) return spec;

  const nodes: GraphNode[] = [];
  const groups: NeuronGroup[] = spec.groups.map((g) => ({ ...g, members: [], output: -1 }));
  const newId = new Int32Array(spec.nodes.length).fill(-1);
  // Inputs of each folded group from outside it, gathered in member order.
  const outside = new Map<number, GraphInput[]>();

  for (const node of spec.nodes) {
    const g = node.group;
    const map = (inputs: readonly GraphInput[]): GraphInput[] =>
      inputs.map((i) => ({ node: newId[i.node], slot: i.slot })).filter((i) => i.node >= 0);
    if (!folds(g)) {
      const id = nodes.length;
      newId[node.id] = id;
      nodes.push({ ...node, id, inputs: map(node.inputs) });
      if (g >= 0) groups[g].members.push(id);
      continue;
    }
    const group = spec.groups[g];
    const gathered = outside.get(g) ?? [];
    outside.set(g, gathered);
    for (const input of node.inputs) {
      if (spec.nodes[input.node].group === g) continue;
      const source = newId[input.node];
      if (source >= 0 && !gathered.some((i) => i.node === source))
        gathered.push({ node: source, slot: -1 });
    }
    if (node.id !== group.output) continue;
    const id = nodes.length;
    for (const member of group.members) newId[member] = id;
    nodes.push({
      ...node,
      id,
      kind: 'neuron',
      label: `L${group.layer + 1} n${group.neuron + 1}`,
      inputs: gathered,
    });
    groups[g].members.push(id);
    groups[g].output = id;
  }
  for (const [g, group] of groups.entries()) {
    if (!folds(g)) {
      const old = spec.groups[g].output;
      group.output = old >= 0 ? newId[old] : -1;
    }
  }
  const layers = [...collapsed].sort((a, b) => a - b).join(',');
  return { key: `${spec.key}|collapsed:${layers}`, nodes, groups, layerCount: spec.layerCount };
}
