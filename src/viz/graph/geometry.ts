/** Edge shapes and node titles: pure functions of a spec and its layout. */
import { OP_INFO, hex } from '../../core';
import { NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './graphLayout';
import type { GraphNode, GraphSpec } from './spec';

/** The cubic Bézier of the edge from node `from` (a parent) to node `to`: 4 points, 8 numbers. */
export function edgeCurve(layout: GraphLayout, from: number, to: number): number[] {
  const { x, y } = layout;
  if (layout.direction === 'down') {
    const x0 = x[from];
    const y0 = y[from] + NODE_HEIGHT / 2;
    const x1 = x[to];
    const y1 = y[to] - NODE_HEIGHT / 2;
    const bend = Math.max(18, (y1 - y0) / 2);
    return [x0, y0, x0, y0 + bend, x1, y1 - bend, x1, y1];
  }
  const x0 = x[from] + NODE_WIDTH / 2;
  const y0 = y[from];
  const x1 = x[to] - NODE_WIDTH / 2;
  const y1 = y[to];
  const bend = Math.max(18, (x1 - x0) / 2);
  return [x0, y0, x0 + bend, y0, x1 - bend, y1, x1, y1];
}

/** SVG path of the edge from node `from` to node `to`. */
export function edgePath(layout: GraphLayout, from: number, to: number): string {
  const [x0, y0, a, b, c, d, x1, y1] = edgeCurve(layout, from, to);
  return `M${x0},${y0}C${a},${b} ${c},${d} ${x1},${y1}`;
}

/** The point at parameter `t` (0..1) of a curve from {@link edgeCurve}. */
export function pointOnCurve(curve: readonly number[], t: number): [number, number] {
  const u = 1 - t;
  const w0 = u * u * u;
  const w1 = 3 * u * u * t;
  const w2 = 3 * u * t * t;
  const w3 = t * t * t;
  return [
    w0 * curve[0] + w1 * curve[2] + w2 * curve[4] + w3 * curve[6],
    w0 * curve[1] + w1 * curve[3] + w2 * curve[5] + w3 * curve[7],
  ];
}

/** The first line of a node: its name and op, short enough for the box. */
export function nodeTitle(node: GraphNode): string {
  const symbol = OP_INFO[node.op]?.symbol ?? '?';
  let title: string;
  if (node.kind === 'neuron') title = `${node.label} ${symbol}`.trim();
  else if (node.label) title = node.op === 0 ? node.label : `${symbol} ${node.label}`;
  // No name of its own: its tape number, the name the chain-rule panel and captions use.
  else title = `${node.op === 0 ? 'const' : symbol} #${node.tapeIndex}`;
  return title.length > 16 ? `${title.slice(0, 15)}…` : title;
}

/** The hover tooltip of a node: where its record is and what it does. */
export function nodeTooltip(node: GraphNode): string {
  const info = OP_INFO[node.op];
  const where =
    node.arena === 'model'
      ? `model arena, ${hex(node.address)}`
      : `scratch arena, ${hex(node.address)}, tape #${node.tapeIndex}`;
  const what =
    node.kind === 'neuron'
      ? `neuron ${node.label} (collapsed): its output; its weights are in the model arena`
      : info
        ? `${info.name}: ${info.forward}`
        : 'record';
  return `${node.label ? node.label + ' — ' : ''}${what}\n${where}${info && info.arity > 0 ? `\nbackward: ${info.gradientRule}` : ''}`;
}

/** A neuron's group box: around its members, with room for its label on top. */
export interface GroupBox {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
}

/** The boxes drawn around expanded neurons (none when more than four are expanded: clutter). */
export function groupBoxes(spec: GraphSpec, layout: GraphLayout): GroupBox[] {
  const expanded = spec.groups.filter(
    (g) => g.members.length > 1 && spec.nodes[g.output]?.kind !== 'neuron',
  );
  const shown = expanded.length <= 4 ? expanded : [];
  return shown.map((g) => {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const id of g.members) {
      x0 = Math.min(x0, layout.x[id]);
      x1 = Math.max(x1, layout.x[id]);
      y0 = Math.min(y0, layout.y[id]);
      y1 = Math.max(y1, layout.y[id]);
    }
    const pad = 10;
    return {
      x: x0 - NODE_WIDTH / 2 - pad,
      y: y0 - NODE_HEIGHT / 2 - pad - 12,
      w: x1 - x0 + NODE_WIDTH + 2 * pad,
      h: y1 - y0 + NODE_HEIGHT + 2 * pad + 12,
      label: `neuron L${g.layer + 1} n${g.neuron + 1}`,
    };
  });
}
