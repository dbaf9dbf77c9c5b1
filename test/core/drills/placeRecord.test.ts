import { describe, expect, it } from 'vitest';
import { Memory } from '../../../src/core/memory';
import { VALUE_ALIGN, VALUE_RECORD_SIZE } from '../../../src/core/recordLayout';
import {
  checkPlacement,
  guidePlaceSteps,
  placePush,
  type PlacePush,
} from '../../../src/core/drills';
import { GUIDE_EXAMPLE, createTrainer } from '../../../src/core/train';

const RECORD: PlacePush = { kind: 'record' };

describe('place the record', () => {
  it('matches the arena’s own bump allocator, odd and even arrays', () => {
    const memory = new Memory();
    const arena = memory.addArena('model', 4096);
    for (const count of [3, 2, 1, 5, 4]) {
      const array = placePush(arena.top, { kind: 'pointers', count });
      expect(arena.pushArray(count)).toBe(array.start);
      expect(arena.top).toBe(array.end);
      const record = placePush(arena.top, RECORD);
      expect(record.padding).toBe(count % 2 === 1 ? 4 : 0);
      expect(arena.pushValue()).toBe(record.start);
      expect(arena.top).toBe(record.end);
    }
  });

  it('explains each kind of wrong pick', () => {
    const top = 0x1c; // after a 3-pointer array at 0x10
    expect(checkPlacement(top, RECORD, 0x20)).toMatchObject({ right: true, reason: 'right' });
    const atTop = checkPlacement(top, RECORD, 0x1c);
    expect(atTop).toMatchObject({ right: false, reason: 'unaligned' });
    expect(atTop.message).toContain('4 bytes of padding');
    expect(atTop.message).toContain('0x00000020');
    expect(checkPlacement(top, RECORD, 0x10)).toMatchObject({ right: false, reason: 'used' });
    expect(checkPlacement(top, RECORD, 0x28)).toMatchObject({ right: false, reason: 'skipped' });
    expect(checkPlacement(0x40, RECORD, 0x40)).toMatchObject({ right: true });
    expect(checkPlacement(0x40, { kind: 'pointers', count: 3 }, 0x40).placement.end).toBe(0x4c);
  });

  it('the guide’s Neuron(3): the engine put every push where the checker says', () => {
    const steps = guidePlaceSteps();
    expect(steps.map((s) => s.name).slice(0, 6)).toEqual(['w[3]', 'w1', 'w2', 'w3', 'b', 'x1']);
    for (const step of steps) expect(placePush(step.top, step.push).start).toBe(step.address);
    // w1 follows the odd pointer array: 12 bytes of pointers, 4 bytes of padding.
    const w1 = steps[1];
    expect(w1.top - steps[0].address).toBe(12);
    expect(placePush(w1.top, RECORD).padding).toBe(4);
    expect(w1.address % VALUE_ALIGN).toBe(0);
    // The model arena ends where the drill's last model push ends.
    const model = createTrainer(GUIDE_EXAMPLE).model;
    const lastModel = steps.filter((s) => s.arena === 'model').at(-1)!;
    expect(lastModel.address + VALUE_RECORD_SIZE).toBe(model.top);
    // The forward's first record lands at the empty scratch arena's base.
    const firstScratch = steps.find((s) => s.arena === 'scratch')!;
    expect(firstScratch.address).toBe(firstScratch.base);
  });
});
