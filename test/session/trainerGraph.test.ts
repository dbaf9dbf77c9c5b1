import { describe, expect, it } from 'vitest';
import {
  MICROGRAD_DEMO,
  beginStep,
  createTrainer,
  runForward,
  OFFSET_PREV0,
  OFFSET_PREV_COUNT,
  type Trainer,
} from '../../src/core';
import { trainerGraph } from '../../src/session/trainerGraph';
import { collapseLayers } from '../../src/viz/graph/collapse';

const SETTINGS = { ...MICROGRAD_DEMO, points: 12 };

function probe(): { trainer: Trainer; step: ReturnType<typeof beginStep> } {
  const trainer = createTrainer(SETTINGS);
  const step = beginStep(trainer);
  runForward(step);
  return { trainer, step };
}

/** Every record `root` depends on, found by walking prev pointers independently. */
function ancestors(trainer: Trainer, root: number): Set<number> {
  const { memory } = trainer;
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const a = stack.pop()!;
    if (seen.has(a)) continue;
    seen.add(a);
    for (let j = 0; j < memory.u8[a + OFFSET_PREV_COUNT]; j++)
      stack.push(memory.u32[((a + OFFSET_PREV0) >> 2) + j]);
  }
  return seen;
}

describe('one datapoint of the MLP', () => {
  it('holds exactly what its loss term depends on, plus the batch loss', () => {
    const { trainer, step } = probe();
    const p = 7;
    const spec = trainerGraph(trainer, step, p);
    const expected = ancestors(trainer, trainer.perPoint[p] >>> 0);
    const drawn = new Set(spec.nodes.map((n) => n.address));
    expect(drawn).toEqual(new Set([...expected, step.loss >>> 0]));
    // Its inputs are the point's features, and no other point's.
    const inputs = spec.nodes.filter((n) => n.arena === 'scratch' && n.tapeIndex < step.inputsEnd);
    const dims = trainer.dataset.dims;
    expect(inputs.map((n) => n.tapeIndex)).toEqual(
      Array.from({ length: dims }, (_, d) => step.tapeStart + p * dims + d),
    );
    expect(inputs.map((n) => n.label)).toEqual(['x1', 'x2']);
    // Every parameter feeds the score, so all of them are drawn, as model records.
    const model = spec.nodes.filter((n) => n.arena === 'model').map((n) => n.address);
    expect(new Set(model)).toEqual(new Set(trainer.mlp.parameters));
  });

  it('lists nodes parents first, and groups them by neuron', () => {
    const { trainer, step } = probe();
    const spec = trainerGraph(trainer, step, 3);
    for (const node of spec.nodes)
      for (const input of node.inputs) expect(input.node).toBeLessThan(node.id);
    const sizes = SETTINGS.sizes;
    expect(spec.groups.length).toBe(sizes.slice(1).reduce((a, b) => a + b, 0));
    for (const group of spec.groups) {
      const fanIn = sizes[group.layer];
      const activation = group.layer + 2 < sizes.length ? 1 : 0; // hidden relu; linear output
      const scratch = group.members.filter((id) => spec.nodes[id].arena === 'scratch');
      expect(scratch.length).toBe(2 * fanIn + activation); // products, sums, activation
      expect(group.members.length - scratch.length).toBe(fanIn + 1); // weights and bias
    }
  });

  it('collapses a layer into one box per neuron fed by the layer below', () => {
    const { trainer, step } = probe();
    const spec = trainerGraph(trainer, step, 0);
    const collapsed = collapseLayers(spec, new Set([0, 1, 2]));
    const boxes = collapsed.nodes.filter((n) => n.kind === 'neuron');
    expect(boxes.length).toBe(33);
    expect(collapsed.nodes.some((n) => n.arena === 'model')).toBe(false);
    const firstLayer = boxes.filter((b) => b.label.startsWith('L1 '));
    for (const box of firstLayer)
      expect(box.inputs.map((i) => collapsed.nodes[i.node].label)).toEqual(['x1', 'x2']);
    const second = boxes.find((b) => b.label === 'L2 n1')!;
    expect(second.inputs.length).toBe(16);
    expect(collapsed.key).not.toBe(spec.key);
    for (const node of collapsed.nodes)
      for (const input of node.inputs) expect(input.node).toBeLessThan(node.id);
  });
});
