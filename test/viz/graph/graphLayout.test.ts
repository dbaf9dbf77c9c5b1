import { describe, expect, it } from 'vitest';
import { GUIDE_EXAMPLE, beginStep, createTrainer, runForward, trainStep } from '../../../src/core';
import { trainerGraph } from '../../../src/session/trainerGraph';
import { placeInOrder } from '../../../src/viz/graph/isotonic';
import {
  NODE_WIDTH,
  assignLayers,
  cachedLayout,
  layoutGraph,
} from '../../../src/viz/graph/graphLayout';
import type { GraphSpec } from '../../../src/viz/graph/spec';

/** The guide's step graph, after `steps` training steps. */
function guideGraph(steps: number): GraphSpec {
  const trainer = createTrainer(GUIDE_EXAMPLE);
  for (let k = 0; k < steps; k++) trainStep(trainer);
  const step = beginStep(trainer);
  runForward(step);
  return trainerGraph(trainer, step, 0);
}

describe('layered layout', () => {
  it('puts every node below all of its parents, and each leaf right above its first user', () => {
    const spec = guideGraph(0);
    const layer = assignLayers(spec);
    for (const node of spec.nodes) {
      for (const input of node.inputs) expect(layer[node.id]).toBeGreaterThan(layer[input.node]);
    }
    const users = new Map<number, number[]>();
    for (const node of spec.nodes)
      for (const i of node.inputs) users.set(i.node, [...(users.get(i.node) ?? []), node.id]);
    for (const node of spec.nodes) {
      if (node.inputs.length > 0 || !users.has(node.id)) continue;
      const first = Math.min(...users.get(node.id)!.map((u) => layer[u]));
      expect(layer[node.id]).toBe(first - 1);
    }
  });

  it('keeps a non-leaf node at least as deep as its longest path from the leaves', () => {
    const spec = guideGraph(0);
    const layer = assignLayers(spec);
    const depth = new Int32Array(spec.nodes.length);
    for (const node of spec.nodes)
      for (const i of node.inputs) depth[node.id] = Math.max(depth[node.id], depth[i.node] + 1);
    for (const node of spec.nodes) expect(layer[node.id]).toBeGreaterThanOrEqual(depth[node.id]);
  });

  it('does not overlap nodes of a layer', () => {
    for (const direction of ['down', 'right'] as const) {
      const spec = guideGraph(0);
      const layout = layoutGraph(spec, direction);
      const across = direction === 'down' ? layout.x : layout.y;
      const byLayer = new Map<number, number[]>();
      spec.nodes.forEach((n) =>
        byLayer.set(layout.layer[n.id], [...(byLayer.get(layout.layer[n.id]) ?? []), across[n.id]]),
      );
      for (const positions of byLayer.values()) {
        positions.sort((a, b) => a - b);
        for (let k = 1; k < positions.length; k++)
          expect(positions[k] - positions[k - 1]).toBeGreaterThan(
            direction === 'down' ? NODE_WIDTH : 40,
          );
      }
    }
  });

  it('is stable: the same structure after training gets the same key and the same positions', () => {
    const before = guideGraph(0);
    const after = guideGraph(5); // other weights, other values, same structure
    expect(after.key).toBe(before.key);
    const a = layoutGraph(before, 'down');
    const b = layoutGraph(after, 'down');
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(cachedLayout(after, 'down')).toBe(cachedLayout(before, 'down'));
  });
});

describe('placeInOrder', () => {
  it('keeps positions that already respect the gap', () => {
    expect(Array.from(placeInOrder([0, 10, 25], 10))).toEqual([0, 10, 25]);
  });

  it('spreads crowded items around their mean, keeping order and gap', () => {
    const placed = Array.from(placeInOrder([5, 5, 5], 10));
    expect(placed).toEqual([-5, 5, 15]);
    const mixed = Array.from(placeInOrder([0, 3, 100, 101], 10));
    for (let k = 1; k < mixed.length; k++)
      expect(mixed[k] - mixed[k - 1]).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(mixed[0] + mixed[1]).toBeCloseTo(3); // the first pair keeps its mean
    expect(mixed[2] + mixed[3]).toBeCloseTo(201);
  });
});
