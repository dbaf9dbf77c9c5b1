import { describe, expect, it } from 'vitest';
import {
  ChunkKind,
  beforeTrainStep,
  createCppRun,
  createWasiLayer,
  CppExitError,
  heapSummary,
  readKindTable,
  walkHeap,
  type CppCommonExports,
} from '../../../src/core/cpp';
import { GUIDE_EXAMPLE, MICROGRAD_DEMO } from '../../../src/core/train';

/**
 * The walk and the kind table agree: every chunk in use is named, every named allocation is a
 * chunk in use big enough for what was asked, and the chunks tile the heap to the top.
 */
function expectWalkMatchesTable(exports: CppCommonExports): ReturnType<typeof walkHeap> {
  const walk = walkHeap(exports);
  const named = new Set(readKindTable(exports).map((e) => e.pointer - 8));
  let at = walk.start;
  const problems: string[] = [];
  for (const chunk of walk.chunks) {
    if (chunk.address !== at) problems.push(`a gap before ${chunk.address}`);
    at += chunk.bytes;
    if (chunk.inUse !== named.has(chunk.address)) problems.push(`${chunk.address} named wrongly`);
    named.delete(chunk.address);
    if (chunk.inUse && chunk.bytes < chunk.requested + 4) problems.push(`${chunk.address} small`);
  }
  expect(problems.slice(0, 5)).toEqual([]);
  expect([...named]).toEqual([]); // every named allocation was found in use
  expect(walk.top.address).toBe(at);
  expect(walk.bytes).toBe(at - walk.start);
  expect(walk.top.address + walk.top.bytes).toBeLessThan(walk.end);
  expect(walk.inUse + walk.free).toBe(walk.chunks.length);
  return walk;
}

function countKind(walk: ReturnType<typeof walkHeap>, kind: number): number {
  return walk.chunks.filter((c) => c.inUse && c.kind === kind).length;
}

describe("the C++ heap, walked from the module's memory", () => {
  it('finds every chunk the kind table names, and nothing else in use, step after step', () => {
    for (const captureSelf of [false, true]) {
      const run = createCppRun('before', GUIDE_EXAMPLE, { trackKinds: true, captureSelf });
      const exports = run.instance.exports;
      const rest = expectWalkMatchesTable(exports);
      expect(countKind(rest, ChunkKind.Value)).toBe(4); // three weights and a bias
      expect(countKind(rest, ChunkKind.Table)).toBe(0); // the kind table's first block is static
      // 3 inputs, 3 × (mul, add), relu; the loss: leaf 1, sub, leaf 2, pow, leaf 0, add, leaf 1, mul
      const nodes = 18;
      const ops = 11; // the nodes with a gradient function
      for (let k = 0; k < 3; k++) {
        const kept = captureSelf ? k * nodes : 0; // the nodes earlier steps leaked
        exports.begin_step(); // the step's graph is alive: one Value chunk per node
        const live = expectWalkMatchesTable(exports);
        expect(countKind(live, ChunkKind.Value)).toBe(4 + kept + nodes);
        expect(countKind(live, ChunkKind.Function)).toBe(captureSelf ? (k + 1) * ops : 0);
        exports.finish_step(0.01);
        exports.end_step();
        const after = expectWalkMatchesTable(exports);
        expect(countKind(after, ChunkKind.Value)).toBe(4 + (captureSelf ? kept + nodes : 0));
        expect(heapSummary(after)).toMatch(
          /^[\d,]+ chunks, [\d,]+ in use, [\d,]+ free, [\d,]+ bytes$/,
        );
      }
    }
  });

  it('keeps walking as the heap grows: two leaking steps of the demo, 65,481 nodes each', () => {
    const run = createCppRun('before', MICROGRAD_DEMO, { trackKinds: true, captureSelf: true });
    const grown: number[] = [];
    for (let k = 0; k < 2; k++) {
      const start = run.instance.exports.live_bytes();
      beforeTrainStep(run);
      grown.push(run.instance.exports.live_bytes() - start);
      const walk = expectWalkMatchesTable(run.instance.exports);
      expect(countKind(walk, ChunkKind.Value)).toBe(337 + (k + 1) * 65_481);
      expect(countKind(walk, ChunkKind.Table)).toBe(1); // outgrown: one heap chunk, naming itself
    }
    expect(grown[0]).toBe(grown[1]);
    expect(grown[0]).toBeGreaterThan(8_000_000); // ~127 bytes a node: 80 + 32 + 16 per op
  });

  it('sees the after program as two arena blocks that never change', () => {
    const run = createCppRun('after', GUIDE_EXAMPLE, { trackKinds: true });
    const first = expectWalkMatchesTable(run.instance.exports);
    run.instance.exports.train_step(0.01);
    expect(expectWalkMatchesTable(run.instance.exports)).toEqual(first);
    const arenaBytes = GUIDE_EXAMPLE.modelBytes + GUIDE_EXAMPLE.scratchBytes;
    const big = first.chunks.filter((c) => c.inUse && c.requested >= GUIDE_EXAMPLE.modelBytes);
    expect(big.map((c) => c.requested).reduce((a, b) => a + b, 0)).toBe(arenaBytes);
  });
});

describe('the WASI layer', () => {
  it('keeps what is written to stdout and stderr, and turns proc_exit into an error', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const layer = createWasiLayer();
    layer.bind(memory);
    const bytes = new Uint8Array(memory.buffer);
    const view = new DataView(memory.buffer);
    bytes.set(new TextEncoder().encode('loss 0.5\n'), 100);
    view.setUint32(0, 100, true); // iovec: base, length
    view.setUint32(4, 9, true);
    const fdWrite = layer.imports.fd_write as unknown as (...a: number[]) => number;
    expect(fdWrite(1, 0, 1, 16)).toBe(0);
    expect(view.getUint32(16, true)).toBe(9);
    expect(layer.output()).toBe('loss 0.5\n');
    expect(fdWrite(7, 0, 1, 16)).toBe(8); // EBADF: no files
    const exit = layer.imports.proc_exit as unknown as (code: number) => number;
    expect(() => exit(3)).toThrow(CppExitError);
  });
});
