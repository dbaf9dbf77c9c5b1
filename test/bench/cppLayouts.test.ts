import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import stored from '../../bench/data/cpp-layouts.json';
import { measureCppLayouts } from '../../bench/cppLayouts';
import { VALUE_LAYOUT, VALUE_PADDING, VALUE_RECORD_SIZE } from '../../src/core';

const hasCompiler = !spawnSync('g++', ['--version']).error;

describe('the C++ layouts on screen (bench/data/cpp-layouts.json)', () => {
  it('names the command and the machine that made it', () => {
    expect(stored.command).toContain('g++');
    expect(stored.compiler).toMatch(/g\+\+/);
    expect(stored.machine).toMatch(/x64|x86_64/);
  });

  it("stores a record that is this engine's own 32-byte layout", () => {
    expect(stored.record.size).toBe(VALUE_RECORD_SIZE);
    for (const field of stored.record.fields) {
      if (field.name === 'padding') {
        expect(VALUE_PADDING).toEqual([{ offset: field.offset, size: field.size }]);
        continue;
      }
      const ours = VALUE_LAYOUT.find((f) => f.name.startsWith(field.name));
      expect(ours?.offset, field.name).toBe(field.offset);
    }
  });

  it('is consistent: fields inside their struct, in order, the block header before the Value', () => {
    for (const type of [stored.before, stored.after, stored.record]) {
      let end = 0;
      for (const f of type.fields) {
        expect(f.offset).toBeGreaterThanOrEqual(end);
        end = f.offset + f.size;
      }
      expect(end).toBeLessThanOrEqual(type.size);
    }
    expect(stored.makeShared.bytes).toBe(stored.makeShared.header + stored.before.size);
    expect(stored.vectorBuffer.bytes).toBe(2 * stored.sharedPtr);
  });

  it.runIf(hasCompiler)('matches what g++ on this machine says now', () => {
    const measured = measureCppLayouts();
    if ('reason' in measured) throw new Error(measured.reason);
    const { before, makeShared, vectorBuffer, sharedPtr, after, record } = stored;
    const layouts = { before, makeShared, vectorBuffer, sharedPtr, after, record };
    expect(measured.layouts).toEqual(layouts);
  });
});
