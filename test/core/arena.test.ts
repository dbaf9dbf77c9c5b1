import { describe, expect, it } from 'vitest';
import {
  ArenaOverflowError,
  Checkpoint,
  CheckpointOrderError,
  KB,
  Memory,
  NULL_GUARD_BYTES,
  VALUE_RECORD_SIZE,
  createValue,
  getValue,
} from '../../src/core';

function twoArenas(modelBytes = KB(1), scratchBytes = KB(4)) {
  const memory = new Memory();
  const model = memory.addArena('model', modelBytes);
  const scratch = memory.addArena('scratch', scratchBytes);
  return { memory, model, scratch };
}

describe('MemoryArena', () => {
  it('lays arenas out after the null guard, in order, and never hands out address 0', () => {
    const { memory, model, scratch } = twoArenas();
    expect(model.base).toBe(NULL_GUARD_BYTES);
    expect(scratch.base).toBe(model.base + model.capacity);
    expect(memory.size).toBe(scratch.base + scratch.capacity);
    expect(createValue(model, 1)).toBeGreaterThan(0);
    expect(memory.arenaAt(0)).toBeUndefined();
    expect(memory.arenaAt(scratch.base)).toBe(scratch);
  });

  it('aligns Value records to 8 bytes after an odd-sized pointer array', () => {
    const { model } = twoArenas();
    const array = model.pushArray(3); // 12 bytes
    expect(array % 4).toBe(0);
    expect(model.used).toBe(12);
    const v = createValue(model, 5);
    expect(v % 8).toBe(0);
    expect(v).toBe(array + 16); // 4 bytes of padding
    expect(model.used).toBe(16 + VALUE_RECORD_SIZE);
    expect(model.pushBytes(1, 1)).toBe(model.base + 48);
    expect(model.pushBytes(8, 16) % 16).toBe(0);
  });

  it('rewinds nested checkpoints innermost first and refuses the wrong order', () => {
    const { scratch } = twoArenas();
    createValue(scratch, 1);
    const outer = scratch.mark();
    createValue(scratch, 2);
    const inner = scratch.mark();
    createValue(scratch, 3);
    expect(scratch.used).toBe(3 * VALUE_RECORD_SIZE);
    expect(() => outer.end()).toThrow(CheckpointOrderError);
    inner.end();
    expect(scratch.used).toBe(2 * VALUE_RECORD_SIZE);
    expect(scratch.tapeLength).toBe(2);
    outer.end();
    expect(scratch.used).toBe(VALUE_RECORD_SIZE);
    expect(() => outer.end()).toThrow(/ended twice/);
    expect(scratch.resets).toBe(2);
  });

  it('clear() empties the arena and drops open checkpoints', () => {
    const { scratch } = twoArenas();
    scratch.mark();
    createValue(scratch, 1);
    scratch.clear();
    expect(scratch.used).toBe(0);
    expect(scratch.tapeLength).toBe(0);
    expect(scratch.checkpoints).toHaveLength(0);
  });

  it('keeps the high-water mark across resets', () => {
    const { scratch } = twoArenas();
    const checkpoint = scratch.mark();
    for (let i = 0; i < 10; i++) createValue(scratch, i);
    checkpoint.end();
    expect(scratch.used).toBe(0);
    expect(scratch.highWater).toBe(10 * VALUE_RECORD_SIZE);
    createValue(scratch, 1);
    scratch.clear();
    expect(scratch.highWater).toBe(10 * VALUE_RECORD_SIZE);
  });

  it('overflow throws a clear error and changes nothing in memory or the arena', () => {
    const { memory, model, scratch } = twoArenas(KB(1), 100);
    createValue(model, 42);
    createValue(scratch, 1);
    createValue(scratch, 2);
    createValue(scratch, 3); // 96 of 104 bytes
    const bytes = memory.u8.slice();
    const state = [scratch.used, scratch.tapeLength, scratch.highWater];
    let error: unknown;
    try {
      createValue(scratch, 4);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArenaOverflowError);
    const overflow = error as ArenaOverflowError;
    expect(overflow.arenaName).toBe('scratch');
    expect(overflow.capacity).toBe(104);
    expect(overflow.used).toBe(96);
    expect(overflow.requested).toBe(32);
    expect(overflow.message).toMatch(/scratch arena overflow.*32 bytes.*capacity 104.*96 used/);
    expect(memory.u8).toEqual(bytes);
    expect([scratch.used, scratch.tapeLength, scratch.highWater]).toEqual(state);
    expect(() => scratch.pushArray(100)).toThrow(ArenaOverflowError);
    expect(memory.u8).toEqual(bytes);
  });

  it('can be enlarged after an overflow and go on, keeping every Value', () => {
    const { memory, model, scratch } = twoArenas(64, 64);
    const w = createValue(model, 7);
    const a = createValue(scratch, 1);
    createValue(scratch, 2);
    expect(() => createValue(scratch, 3)).toThrow(ArenaOverflowError);
    memory.resizeArena(scratch, 1024);
    const c = createValue(scratch, 3);
    expect(getValue(scratch, a)).toBe(1);
    expect(getValue(scratch, c)).toBe(3);
    expect(getValue(model, w)).toBe(7);
    expect(() => memory.resizeArena(model, 128)).toThrow(/scratch arena above it is in use/);
    scratch.clear();
    memory.resizeArena(model, 128);
    expect(getValue(model, w)).toBe(7);
    expect(scratch.base).toBe(model.base + 128);
  });
});

describe('Checkpoint reuse', () => {
  it('re-arms an ended checkpoint without allocating a new one, and still refuses a double end', () => {
    const { scratch } = twoArenas();
    const spare = Checkpoint.spare(scratch);
    expect(spare.isEnded).toBe(true);
    expect(scratch.resets).toBe(0);
    const c = scratch.mark(spare);
    expect(c).toBe(spare);
    createValue(scratch, 1);
    c.end();
    expect(scratch.used).toBe(0);
    expect(() => c.end()).toThrow(CheckpointOrderError);
    const open = scratch.mark();
    expect(scratch.mark(open)).not.toBe(open); // an open checkpoint is never re-armed
  });
});
