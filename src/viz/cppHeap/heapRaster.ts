/**
 * The C++ heap to scale: each cell of a grid stands for `bytesPerCell` bytes of the heap, from
 * its first chunk to the top chunk, and holds the kind of the chunk that covers most of those
 * bytes (free chunks count as one kind), with a flag where a chunk starts. A small heap (the
 * guide's neuron, a few KB) gets 16 bytes a cell, one cell per dlmalloc granule; a large one
 * (the demo's tens of MB) as many bytes a cell as fit the grid.
 */
import type { HeapWalk } from '../../core/cpp';

/** Cell codes: 1–5 the chunk kinds (core/cpp/chunkKinds.ts), then these. */
export const CELL_FREE = 6;
export const CELL_EMPTY = 0;
export const CELL_START = 8;

/** A grid of cells over the heap. */
export interface HeapRaster {
  readonly cells: Uint8Array;
  readonly columns: number;
  readonly bytesPerCell: number;
}

/** Bytes per cell: a multiple of 16 such that the heap fits `columns × maxRows` cells. */
export function bytesPerCellFor(heapBytes: number, columns: number, maxRows: number): number {
  return Math.max(16, Math.ceil(heapBytes / (columns * maxRows) / 16) * 16);
}

/** Rasterises the chunks of a walk (the top chunk is left out: it is the heap's unused rest). */
export function rasterizeHeap(walk: HeapWalk, columns = 64, maxRows = 24): HeapRaster {
  const bytesPerCell = bytesPerCellFor(walk.bytes, columns, maxRows);
  const count = Math.ceil(walk.bytes / bytesPerCell / columns) * columns;
  const cells = new Uint8Array(count);
  const weights = new Float64Array(count * 7); // bytes of each code per cell
  const starts = new Uint8Array(count);
  for (const chunk of walk.chunks) {
    const code = chunk.inUse ? chunk.kind : CELL_FREE;
    let from = chunk.address - walk.start;
    const to = from + chunk.bytes;
    starts[Math.floor(from / bytesPerCell)] = 1;
    while (from < to) {
      const cell = Math.floor(from / bytesPerCell);
      const end = Math.min(to, (cell + 1) * bytesPerCell);
      weights[cell * 7 + code] += end - from;
      from = end;
    }
  }
  for (let cell = 0; cell < count; cell++) {
    let best = CELL_EMPTY;
    let most = 0;
    for (let code = 1; code < 7; code++) {
      if (weights[cell * 7 + code] > most) {
        most = weights[cell * 7 + code];
        best = code;
      }
    }
    cells[cell] = best | (starts[cell] && bytesPerCell === 16 ? CELL_START : 0);
  }
  return { cells, columns, bytesPerCell };
}
