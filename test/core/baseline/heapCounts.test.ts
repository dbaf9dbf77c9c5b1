import { describe, expect, it } from 'vitest';
import {
  allocationsBetween,
  createHeapTrainer,
  heapAllocationsNow,
  heapTrainStep,
  HeapValue,
  totalObjects,
} from '../../../src/core/baseline';
import { MICROGRAD_DEMO } from '../../../src/core';

describe('the heap engine counts what it allocates', () => {
  it('a + b: three Values, four closures, three parent arrays; backward adds its own', () => {
    const before = heapAllocationsNow();
    const a = new HeapValue(2);
    const b = new HeapValue(3);
    const c = a.add(b);
    const built = allocationsBetween(before, heapAllocationsNow());
    expect(built).toEqual({ values: 3, closures: 4, arrays: 3, setEntries: 0 });
    const mid = heapAllocationsNow();
    c.backward();
    // topo, stack, nextChild; the visited set and its three entries
    expect(allocationsBetween(mid, heapAllocationsNow())).toEqual({
      values: 0,
      closures: 0,
      arrays: 3,
      setEntries: 4,
    });
    expect(a.grad).toBe(1);
  });

  it('a number operand is wrapped in a new leaf, and counted', () => {
    const before = heapAllocationsNow();
    new HeapValue(1).mul(2);
    expect(allocationsBetween(before, heapAllocationsNow()).values).toBe(3);
  });

  it("one step of micrograd's demo: 65,481 Values, a closure per Value plus one per op", () => {
    const trainer = createHeapTrainer(MICROGRAD_DEMO);
    const report = heapTrainStep(trainer);
    const a = trainer.lastAllocations;
    expect(a.values).toBe(65_481);
    expect(report.nodes).toBe(a.values);
    // every Value has the default closure; every non-leaf a second one
    expect(a.closures).toBeGreaterThan(a.values);
    expect(a.closures).toBeLessThan(2 * a.values);
    expect(a.setEntries).toBeGreaterThan(a.values * 0.5);
    expect(totalObjects(a)).toBeGreaterThan(3 * a.values);
    // the same counts every step: the graph is rebuilt the same way
    heapTrainStep(trainer);
    expect(trainer.lastAllocations).toEqual(a);
  });
});
