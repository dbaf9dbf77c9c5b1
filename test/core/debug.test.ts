import { describe, expect, it } from 'vitest';
import {
  KB,
  Memory,
  POISON_BYTE,
  UseAfterResetError,
  add,
  addressOf,
  createValue,
  getValue,
  hex,
} from '../../src/core';

function arenas(debug: boolean) {
  const memory = new Memory({ debug });
  const model = memory.addArena('model', KB(1));
  const scratch = memory.addArena('scratch', KB(4));
  return { memory, model, scratch };
}

describe('debug mode: use after reset', () => {
  it('catches a stale handle whose slot has been reused, naming the address and the reset', () => {
    const { scratch } = arenas(true);
    const step1 = scratch.mark();
    const stale = createValue(scratch, 1.5);
    step1.end(); // reset #1 frees it
    const step2 = scratch.mark();
    const fresh = createValue(scratch, 9); // same slot
    expect(addressOf(fresh)).toBe(addressOf(stale));
    let error: unknown;
    try {
      getValue(scratch, stale);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UseAfterResetError);
    const e = error as UseAfterResetError;
    expect(e.address).toBe(addressOf(stale));
    expect(e.resetNumber).toBe(1);
    expect(e.message).toContain(hex(addressOf(stale)));
    expect(e.message).toMatch(/reset #1/);
    expect(() => add(scratch, stale, fresh)).toThrow(UseAfterResetError);
    expect(getValue(scratch, fresh)).toBe(9);
    step2.end();
  });

  it('catches a freed slot that was not reused, and poisons freed bytes', () => {
    const { memory, scratch } = arenas(true);
    const checkpoint = scratch.mark();
    const v = createValue(scratch, 3);
    checkpoint.end();
    expect(() => getValue(scratch, v)).toThrow(/reset #1/);
    expect(memory.u8[addressOf(v)]).toBe(POISON_BYTE);
  });

  it('keeps Values below an inner checkpoint alive', () => {
    const { scratch } = arenas(true);
    const outer = scratch.mark();
    const kept = createValue(scratch, 4);
    const inner = scratch.mark();
    const dropped = createValue(scratch, 5);
    inner.end();
    const reuse = createValue(scratch, 6);
    expect(getValue(scratch, kept)).toBe(4);
    expect(getValue(scratch, add(scratch, kept, reuse))).toBe(10);
    expect(() => getValue(scratch, dropped)).toThrow(UseAfterResetError);
    outer.end();
    expect(() => getValue(scratch, kept)).toThrow(/reset #2/);
  });

  it('model Values survive scratch resets', () => {
    const { model, scratch } = arenas(true);
    const w = createValue(model, 2);
    for (let i = 0; i < 3; i++) {
      const c = scratch.mark();
      add(scratch, w, createValue(scratch, i));
      c.end();
    }
    expect(getValue(model, w)).toBe(2);
  });

  it('release mode pays nothing: handles are plain addresses and stale reads are not checked', () => {
    const { scratch } = arenas(false);
    const c1 = scratch.mark();
    const stale = createValue(scratch, 1.5);
    c1.end();
    createValue(scratch, 9);
    expect(stale).toBe(addressOf(stale));
    expect(getValue(scratch, stale)).toBe(9); // the classic bug, silently
  });
});
