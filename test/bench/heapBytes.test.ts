import { describe, expect, it } from 'vitest';
import stored from '../../bench/data/heap-bytes.json';

describe('the heap bytes per Value on screen (bench/data/heap-bytes.json)', () => {
  it('names its command, Node and the machine, and is more than a record', () => {
    expect(stored.command).toBe('npm run bench:heap-bytes');
    expect(stored.node).toMatch(/^v\d+/);
    expect(stored.machine).toMatch(/x64|arm64/);
    expect(stored.valuesPerStep).toBe(65_481);
    // a HeapValue, its closures and its parents array: far more than a 32-byte record
    expect(stored.bytesPerValue).toBeGreaterThan(100);
    expect(stored.bytesPerValue).toBeLessThan(2000);
  });
});
