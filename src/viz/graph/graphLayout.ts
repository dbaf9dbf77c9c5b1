/**
 * Layered layout of a graph spec, hand-rolled (see docs/graph-view.md for why not d3-dag):
 * 1. layers: longest path from the leaves, then every node pulled next to its first consumer
 *    (weights and constants sit just before the op that uses them; edges stay short);
 * 2. order inside a layer: barycentre sweeps, ties broken by tape order;
 * 3. positions: each layer placed as near as possible to its neighbours' mean, keeping order and
 *    spacing (exact least squares, `placeInOrder`).
 * A layout depends only on the spec's structure, so it is computed once per structure key and
 * reused: from step to step nothing moves, only labels and colours change.
 */
import { placeInOrder } from './isotonic';
import type { GraphSpec } from './spec';

/** Which way data flows on screen: down the page or to the right. */
export type LayoutDirection = 'down' | 'right';

/** Box size of every node, in px. */
export const NODE_WIDTH = 128;
export const NODE_HEIGHT = 38;

/** Node centres and the drawing's extent. */
export interface GraphLayout {
  readonly key: string;
  readonly direction: LayoutDirection;
  /** Centre of node `id`. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Layer of node `id` (0 = first layer). */
  readonly layer: Int32Array;
  readonly width: number;
  readonly height: number;
}

const SWEEPS = 4;

/** Layer index of every node: longest path from the leaves, then pulled towards consumers. */
export function assignLayers(spec: GraphSpec): Int32Array {
  const n = spec.nodes.length;
  const layer = new Int32Array(n);
  for (const node of spec.nodes) {
    let d = 0;
    for (const input of node.inputs) d = Math.max(d, layer[input.node] + 1);
    layer[node.id] = d;
  }
  const firstUse = new Int32Array(n).fill(-1);
  for (let id = n - 1; id >= 0; id--) {
    if (firstUse[id] >= 0) layer[id] = Math.max(layer[id], firstUse[id] - 1);
    for (const input of spec.nodes[id].inputs) {
      const p = input.node;
      if (firstUse[p] < 0 || layer[id] < firstUse[p]) firstUse[p] = layer[id];
    }
  }
  return layer;
}

/** Nodes of each layer in drawing order. */
export function orderLayers(spec: GraphSpec, layer: Int32Array): number[][] {
  const count = spec.nodes.length === 0 ? 0 : Math.max(...layer) + 1;
  const layers: number[][] = Array.from({ length: count }, () => []);
  for (const node of spec.nodes) layers[layer[node.id]].push(node.id);
  const children = childrenOf(spec);
  const anchors = anchorsOf(spec, children);
  const rank = new Float64Array(spec.nodes.length);
  const setRanks = (): void => {
    for (const ids of layers) ids.forEach((id, i) => (rank[id] = (i + 0.5) / ids.length));
  };
  setRanks();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const key = new Float64Array(spec.nodes.length);
    for (const node of spec.nodes) {
      const parents = node.inputs.map((i) => i.node);
      const first = down ? parents : children[node.id];
      const second = down ? children[node.id] : parents;
      const near = first.length > 0 ? first : second;
      key[node.id] = near.length > 0 ? mean(near, rank) : rank[node.id];
    }
    for (const ids of layers) {
      ids.sort((a, b) => key[a] - key[b] || a - b);
      keepBesideAfterAnchor(spec, children, anchors, ids);
    }
    setRanks();
  }
  return layers;
}

/** Lays `spec` out. Pure: the same spec gives the same layout. */
export function layoutGraph(spec: GraphSpec, direction: LayoutDirection = 'down'): GraphLayout {
  const n = spec.nodes.length;
  const layer = assignLayers(spec);
  const layers = orderLayers(spec, layer);
  const children = childrenOf(spec);
  const anchors = anchorsOf(spec, children);
  const along = direction === 'down' ? NODE_HEIGHT + 12 : NODE_WIDTH + 36;
  const across = direction === 'down' ? NODE_WIDTH + 10 : NODE_HEIGHT + 10;
  const cross = new Float64Array(n);
  for (const ids of layers)
    ids.forEach((id, i) => (cross[id] = (i - (ids.length - 1) / 2) * across));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers : [...layers].reverse();
    for (const ids of order) {
      const desired = ids.map((id) => {
        // Each node hangs straight under its anchor (its first input that is not a leaf of
        // one consumer); the other inputs sit beside it. Chains then run straight down
        // (((s − 1)^2 + 0) · 1, a neuron's running sum) instead of drifting sideways.
        if (down) {
          const anchor = anchors[id];
          if (anchor >= 0) return cross[anchor];
          return children[id].length > 0 ? mean(children[id], cross) : cross[id];
        }
        if (children[id].length === 1) {
          const child = children[id][0];
          const side = sideIndex(spec, anchors, child, id);
          if (side >= 0) return cross[child] + side * across;
        }
        const near =
          children[id].length > 0 ? children[id] : spec.nodes[id].inputs.map((i) => i.node);
        return near.length > 0 ? mean(near, cross) : cross[id];
      });
      const placed = placeInOrder(desired, across);
      ids.forEach((id, i) => (cross[id] = placed[i]));
    }
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let id = 0; id < n; id++) {
    lo = Math.min(lo, cross[id]);
    hi = Math.max(hi, cross[id]);
  }
  if (n === 0) lo = hi = 0;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let id = 0; id < n; id++) {
    const a = layer[id] * along;
    const c = cross[id] - lo;
    x[id] = (direction === 'down' ? c : a) + NODE_WIDTH / 2;
    y[id] = (direction === 'down' ? a : c) + NODE_HEIGHT / 2;
  }
  const spanAlong = Math.max(0, layers.length - 1) * along;
  const spanCross = hi - lo;
  return {
    key: spec.key,
    direction,
    x,
    y,
    layer,
    width: (direction === 'down' ? spanCross : spanAlong) + NODE_WIDTH,
    height: (direction === 'down' ? spanAlong : spanCross) + NODE_HEIGHT,
  };
}

const cache = new Map<string, GraphLayout>();
const CACHE_LIMIT = 16;

/** {@link layoutGraph}, memoised by structure key and direction. */
export function cachedLayout(spec: GraphSpec, direction: LayoutDirection): GraphLayout {
  const key = `${direction}|${spec.key}`;
  let layout = cache.get(key);
  if (!layout) {
    layout = layoutGraph(spec, direction);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, layout);
  }
  return layout;
}

/** Children (consumers) of every node. */
export function childrenOf(spec: GraphSpec): number[][] {
  const children: number[][] = spec.nodes.map(() => []);
  for (const node of spec.nodes)
    for (const input of node.inputs) children[input.node].push(node.id);
  return children;
}

function mean(ids: readonly number[], values: ArrayLike<number>): number {
  let sum = 0;
  for (const id of ids) sum += values[id];
  return sum / ids.length;
}

/**
 * Each node's anchor: its first input that is not a leaf with one consumer (a constant, an
 * input, a weight: those sit beside their consumer), else its first input; -1 for a leaf.
 */
function anchorsOf(spec: GraphSpec, children: readonly number[][]): Int32Array {
  const anchors = new Int32Array(spec.nodes.length).fill(-1);
  for (const node of spec.nodes) {
    const inputs = node.inputs.map((i) => i.node);
    const leading = inputs.find((p) => spec.nodes[p].inputs.length > 0 || children[p].length > 1);
    anchors[node.id] = leading ?? inputs[0] ?? -1;
  }
  return anchors;
}

/** Where `parent` sits beside `child`: 0 right above it (its anchor), k > 0 the k-th beside. */
function sideIndex(spec: GraphSpec, anchors: Int32Array, child: number, parent: number): number {
  if (anchors[child] === parent) return 0;
  const others = spec.nodes[child].inputs.map((i) => i.node).filter((p) => p !== anchors[child]);
  const k = others.indexOf(parent);
  return k >= 0 ? k + 1 : -1;
}

/**
 * Moves each leaf that sits beside its consumer (not its anchor) to just after that anchor when
 * both are in this layer, so the layout can put it to the right of the chain it feeds.
 */
function keepBesideAfterAnchor(
  spec: GraphSpec,
  children: readonly number[][],
  anchors: Int32Array,
  ids: number[],
): void {
  for (const id of [...ids]) {
    if (spec.nodes[id].inputs.length > 0 || children[id].length !== 1) continue;
    const anchor = anchors[children[id][0]];
    const at = ids.indexOf(id);
    const anchorAt = ids.indexOf(anchor);
    if (anchor === id || anchorAt < 0 || at > anchorAt) continue;
    ids.splice(at, 1);
    ids.splice(ids.indexOf(anchor) + 1, 0, id);
  }
}
