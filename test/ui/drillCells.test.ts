import { describe, expect, it } from 'vitest';
import { guidePlaceSteps } from '../../src/core/drills';
import { cellsFor } from '../../src/ui/drills/placeCells';
import { guideOrderDrill } from '../../src/ui/drills/guideSweep';

describe('the place drill’s cells', () => {
  const steps = guidePlaceSteps();
  it('before w1: the array filled, no padding yet; after it: the padding cell marked', () => {
    const before = cellsFor(steps, 1, 1);
    expect(before.slice(0, 4).map((c) => c.kind)).toEqual([
      'pointers',
      'pointers',
      'pointers',
      'free',
    ]);
    expect(before[0].text).toBe('w[3]');
    const after = cellsFor(steps, 2, 2);
    expect(after[3]).toMatchObject({ kind: 'padding', text: 'pad', address: steps[1].top });
    expect(after[4]).toMatchObject({ kind: 'record', text: 'w1', address: steps[1].address });
    expect(after.slice(4, 12).every((c) => c.owner === 'w1')).toBe(true);
  });
  it('all placed: the scratch arena with its last push drawn', () => {
    const cells = cellsFor(steps, steps.length - 1, steps.length);
    const last = steps[steps.length - 1];
    expect(cells[0].address).toBe(last.base);
    expect(cells.find((c) => c.address === last.address)?.text).toBe(last.name);
  });
});

describe('the guide’s order drill', () => {
  it('names the step’s records as the graph does, the weights among what they use', () => {
    const { drill, titles, uses } = guideOrderDrill({});
    expect(titles.slice(0, 3)).toEqual(['x1', 'x2', 'x3']);
    const product = titles.indexOf('× #3');
    expect(uses[product]).toEqual(['w1', 'x1']);
    // The loss is last: the sweep's first node, with gradient 1.
    expect(drill.nodes[drill.nodes.length - 1].gradient).toBe(1);
  });
});
