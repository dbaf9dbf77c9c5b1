/**
 * Draws the C++ heap pictures (cells from heapRaster.ts) and the after program's scratch arena
 * on canvases. Kinds are told by colour (Okabe–Ito) and, for free chunks, by hatching; the
 * legend beside the canvas says the same in words and numbers, so colour is never the only cue.
 */
import { ChunkKind } from '../../core/cpp/chunkKinds';
import { CELL_FREE, CELL_START } from './heapRaster';

/** Each cell code's fill. */
export const HEAP_COLOURS: Readonly<Record<number, string>> = {
  [ChunkKind.Value]: '#0072B2',
  [ChunkKind.Vector]: '#E69F00',
  [ChunkKind.Function]: '#D55E00',
  [ChunkKind.Engine]: '#9A9A9A',
  [ChunkKind.Table]: '#CC79A7',
  [CELL_FREE]: '#FFFFFF',
};

const EDGE = '#1B1B1B';

/** Sizes a canvas for `columns × rows` cells of `cell` CSS pixels, sharp on any screen. */
function prepare(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext('2d');
  context?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

/** The heap: cells row by row; a dark tick where a chunk starts; free cells hatched. */
export function drawHeapCells(
  canvas: HTMLCanvasElement,
  cells: Uint8Array,
  columns: number,
  cell: number,
): void {
  const rows = Math.max(1, Math.ceil(cells.length / columns));
  const context = prepare(canvas, columns * cell, rows * cell);
  if (!context) return;
  context.clearRect(0, 0, columns * cell, rows * cell);
  for (let i = 0; i < cells.length; i++) {
    const code = cells[i] & 7;
    if (code === 0) continue;
    const x = (i % columns) * cell;
    const y = Math.floor(i / columns) * cell;
    context.fillStyle = HEAP_COLOURS[code] ?? '#000';
    context.fillRect(x, y, cell, cell);
    if (code === CELL_FREE) {
      context.strokeStyle = '#767676';
      context.beginPath();
      context.moveTo(x, y + cell);
      context.lineTo(x + cell, y);
      context.stroke();
    }
    if (cells[i] & CELL_START) {
      context.fillStyle = EDGE;
      context.fillRect(x, y, 1, cell);
    }
  }
}

/**
 * The after program's scratch arena: its high water as cells (one per Value record when they
 * fit, else each cell a run of records), filled up to where the bump pointer is now.
 */
export function drawArenaStrip(
  canvas: HTMLCanvasElement,
  records: number,
  usedRecords: number,
  columns: number,
  cell: number,
): void {
  const cells = Math.min(records, columns * 4);
  const perCell = cells === 0 ? 1 : records / cells;
  const rows = Math.max(1, Math.ceil(cells / columns));
  const context = prepare(canvas, columns * cell, rows * cell);
  if (!context) return;
  context.clearRect(0, 0, columns * cell, rows * cell);
  for (let i = 0; i < cells; i++) {
    const x = (i % columns) * cell;
    const y = Math.floor(i / columns) * cell;
    const live = i * perCell < usedRecords;
    context.fillStyle = live ? '#0072B2' : '#D4E8F4';
    context.fillRect(x, y, cell - 1, cell - 1);
  }
}
