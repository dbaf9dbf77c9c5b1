import { describe, expect, it } from 'vitest';
import {
  GUIDE_EXAMPLE,
  KB,
  Memory,
  createNeuron,
  createRandom,
  createTrainer,
  createValue,
  mul,
  beginStep,
  runForward,
  runBackward,
  applyUpdate,
  endStep,
} from '../../../src/core';
import {
  CellKind,
  classifyCells,
  classifyRegion,
  describeRegion,
  recordStartAt,
  segmentAt,
  type RegionMap,
} from '../../../src/core/inspect';

function kinds(map: RegionMap): [number, number, number][] {
  return map.segments.map((s) => [s.start - map.base, s.end - map.base, s.kind]);
}

describe('describeRegion', () => {
  it("reads an arena's numbers, open checkpoints included", () => {
    const memory = new Memory();
    memory.addArena('model', KB(1));
    const scratch = memory.addArena('scratch', KB(2));
    createValue(scratch, 1);
    const outer = scratch.mark();
    createValue(scratch, 2);
    scratch.mark();
    const region = describeRegion(scratch);
    expect(region).toEqual({
      name: 'scratch',
      base: scratch.base,
      capacity: KB(2),
      used: 64,
      free: KB(2) - 64,
      top: scratch.base + 64,
      highWater: 64,
      checkpoints: [32, 64],
      recordCount: 2,
      resets: 0,
    });
    expect(outer.used).toBe(32);
  });
});

describe('classifyRegion', () => {
  it('finds pointer arrays, padding after an odd array, records and free space', () => {
    const memory = new Memory();
    const model = memory.addArena('model', KB(1));
    createNeuron(model, 3, createRandom(1)); // 3 pointers (12 bytes) + 4 padding, 4 records
    createNeuron(model, 2, createRandom(2)); // 2 pointers (8 bytes), 3 records
    const map = classifyRegion(memory, model);
    expect(kinds(map)).toEqual([
      [0, 12, CellKind.Pointers],
      [12, 16, CellKind.Padding],
      [16, 144, CellKind.Record],
      [144, 152, CellKind.Pointers],
      [152, 248, CellKind.Record],
      [248, KB(1), CellKind.Free],
    ]);
    expect(map.top).toBe(model.top);
    expect(map.end).toBe(model.base + model.capacity);
  });

  it('covers the region exactly, without gaps', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    for (const arena of [trainer.model, trainer.scratch]) {
      const map = classifyRegion(trainer.memory, arena);
      expect(map.segments[0].start).toBe(arena.base);
      expect(map.segments[map.segments.length - 1].end).toBe(arena.base + arena.capacity);
      for (let i = 1; i < map.segments.length; i++) {
        expect(map.segments[i].start).toBe(map.segments[i - 1].end);
      }
    }
  });

  it('hides records above a tape length (a forward animation in progress)', () => {
    const memory = new Memory();
    const scratch = memory.addArena('scratch', KB(1));
    for (let i = 0; i < 5; i++) createValue(scratch, i);
    const map = classifyRegion(memory, scratch, { tapeLength: 2 });
    expect(map.top).toBe(scratch.base + 64);
    expect(kinds(map)).toEqual([
      [0, 64, CellKind.Record],
      [64, KB(1), CellKind.Free],
    ]);
  });

  it('shows poison above the bump pointer after a reset in debug mode, free above high water', () => {
    const memory = new Memory({ debug: true });
    const scratch = memory.addArena('scratch', KB(1));
    const a = createValue(scratch, 2);
    const checkpoint = scratch.mark();
    mul(scratch, a, createValue(scratch, 3));
    checkpoint.end();
    expect(kinds(classifyRegion(memory, scratch))).toEqual([
      [0, 32, CellKind.Record],
      [32, 96, CellKind.Poison],
      [96, KB(1), CellKind.Free],
    ]);
    const release = new Memory();
    const other = release.addArena('scratch', KB(1));
    const mark = other.mark();
    createValue(other, 1);
    mark.end();
    expect(kinds(classifyRegion(release, other))).toEqual([[0, KB(1), CellKind.Free]]);
  });

  it('finds the same layout at the loss of every training step', () => {
    const trainer = createTrainer(GUIDE_EXAMPLE);
    const layouts: RegionMap[] = [];
    for (let s = 0; s < 2; s++) {
      const step = beginStep(trainer);
      runForward(step);
      layouts.push(classifyRegion(trainer.memory, trainer.scratch));
      runBackward(step);
      applyUpdate(step);
      endStep(step);
    }
    expect(layouts[0].segments.length).toBeGreaterThan(1);
    expect(layouts[1]).toEqual(layouts[0]);
    expect(kinds(classifyRegion(trainer.memory, trainer.scratch))).toEqual([
      [0, trainer.scratch.capacity, CellKind.Free],
    ]);
  });
});

describe('cells and lookups', () => {
  it('classifies 8-byte cells, a shared cell taking the most telling kind', () => {
    const memory = new Memory();
    const model = memory.addArena('model', 256);
    createNeuron(model, 1, createRandom(1)); // 1 pointer + 4 padding, 2 records
    const cells = classifyCells(classifyRegion(memory, model), 8);
    expect(cells).toHaveLength(32);
    expect(Array.from(cells.slice(0, 10))).toEqual([
      CellKind.Pointers,
      ...Array(8).fill(CellKind.Record),
      CellKind.Free,
    ]);
    const bytes = classifyCells(classifyRegion(memory, model), 1);
    expect(Array.from(bytes.slice(0, 9))).toEqual([
      ...Array(4).fill(CellKind.Pointers),
      ...Array(4).fill(CellKind.Padding),
      CellKind.Record,
    ]);
  });

  it('maps any address to its segment and record start', () => {
    const memory = new Memory();
    const model = memory.addArena('model', KB(1));
    const neuron = createNeuron(model, 3, createRandom(1));
    const map = classifyRegion(memory, model);
    expect(segmentAt(map, neuron.weights + 5)?.kind).toBe(CellKind.Pointers);
    expect(segmentAt(map, model.base + 13)?.kind).toBe(CellKind.Padding);
    expect(segmentAt(map, model.base + KB(1))).toBeUndefined();
    expect(recordStartAt(map, model.base + 16 + 32 + 17)).toBe(model.base + 48);
    expect(recordStartAt(map, neuron.weights)).toBeUndefined();
  });
});
