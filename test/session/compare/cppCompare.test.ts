import { describe, expect, it } from 'vitest';
import { ChunkKind } from '../../../src/core/cpp';
import { CppHeapLab } from '../../../src/session/compare/cppHeapLab';
import { CPP_ENGINES } from '../../../src/session/compare/cppProtocol';
import { CppTimingCore } from '../../../src/session/compare/cppTimingCore';
import { CELL_FREE, CELL_START } from '../../../src/viz/cppHeap/heapRaster';

const clock = () => performance.now();

describe('the five engines timed in one run', () => {
  it("run the guide's neuron interleaved, each to the TypeScript engine's losses", () => {
    const core = new CppTimingCore(1, 'neuron', 4, clock);
    while (core.batch());
    const s = core.summary();
    expect(s.error).toBeNull();
    expect(s.rounds).toBe(4);
    expect(s.rows.map((r) => r.id)).toEqual([...CPP_ENGINES]);
    for (const row of s.rows) {
      expect(row.medianUs, row.id).toBeGreaterThan(0);
      expect(row.compared, row.id).toBeGreaterThan(0);
      expect(row.equalLosses, row.id).toBe(row.compared);
    }
    const [before, after] = s.rows;
    expect(before.mallocsPerStep).toBeGreaterThan(40); // ~3 per op, 1 per leaf, backward's lists
    expect(before.freesPerStep).toBe(before.mallocsPerStep); // lambdas that do not leak
    expect(before.growthPerStep).toBe(0);
    expect(after.mallocsPerStep).toBe(0);
    expect(after.freesPerStep).toBe(0);
    expect(after.growthPerStep).toBe(0);
    expect(s.rows[4].objectsPerStep).toBeGreaterThan(0);
    expect(s.ratios.map((r) => `${r.slower}/${r.faster}`)).toContain('cppBefore/cppAfter');
    expect(s.nodes).toBe(18);
  });

  it('stops when asked', () => {
    const core = new CppTimingCore(2, 'neuron', 100, clock);
    core.batch();
    core.stop();
    expect(core.batch()).toBe(false);
    expect(core.summary().running).toBe(false);
  });
});

describe('the heap lab', () => {
  it('with capturing lambdas, keeps every step: the same growth each step, more Value chunks', () => {
    const lab = new CppHeapLab(1, 'neuron', true);
    const growth: number[] = [];
    for (let k = 0; k < 3; k++) {
      lab.step();
      growth.push(lab.summary().growthLastStep);
    }
    const s = lab.summary();
    expect(growth[0]).toBeGreaterThan(0);
    expect(new Set(growth).size).toBe(1);
    expect(s.valueChunks).toBe(4 + 3 * 18);
    expect(s.after.summary).toMatch(/^[\d,]+ chunks, [\d,]+ in use, [\d,]+ free, [\d,]+ bytes$/);
    expect(s.arena).toMatchObject({
      valueBytes: 32,
      highWater: 18 * 32,
      used: 0,
      mallocsPerStep: 0,
    });
  });

  it('without, returns to its size every step; the picture draws each chunk at 16 bytes a cell', () => {
    const lab = new CppHeapLab(2, 'neuron', false);
    lab.step();
    lab.step();
    const s = lab.summary();
    expect(s.growthLastStep).toBe(0);
    expect(s.valueChunks).toBe(4);
    const during = s.during!;
    expect(during.bytesPerCell).toBe(16);
    const valueCells = [...during.cells].filter((c) => (c & 7) === ChunkKind.Value).length;
    const valueBytes = during.inUse.find((t) => t.kind === ChunkKind.Value)!.bytes;
    expect(valueCells * 16).toBe(valueBytes);
    const starts = [...during.cells].filter((c) => c & CELL_START).length;
    const inUse = during.inUse.reduce((n, t) => n + t.chunks, 0);
    expect(starts).toBe(inUse + during.freeChunks);
    expect([...s.after.cells].some((c) => (c & 7) === CELL_FREE)).toBe(true);
  });

  it('stops a leaking demo before a step could pass the heap budget, saying so', () => {
    // A lower budget than the page's 512 MiB, so that the test stops after a few 8 MB steps.
    const lab = new CppHeapLab(3, 'demo', true, 48 * 2 ** 20);
    let steps = 0;
    while (lab.step()) steps++;
    const s = lab.summary();
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThan(6);
    expect(s.stopped).toMatch(
      /stopped before step \d+: the leaking C\+\+ heap is \d+ MiB and grows 8 MiB a step/,
    );
    expect(s.after.memoryBytes).toBeLessThanOrEqual(48 * 2 ** 20);
    expect(lab.step()).toBe(false);
  });
});
