/**
 * Text inside cells, read from memory in place as it is drawn: an op glyph per record when a
 * cell is a record, the field each 8-byte word holds (and its number) when a cell is a word,
 * the hex byte when a cell is a byte.
 */
import { VALUE_RECORD_SIZE, gradientAt, opAt, opInfo, valueAt, type Memory } from '../../core';
import { CellKind } from '../../core/inspect';
import { DIGIT_EM, SMALLEST_LABEL_PX, type MemoryLayout, type RegionBlock } from './memoryLayout';
import { palette } from './memoryPalette';
import type { RegionScene } from './scene';
import { firstSegmentAfter, type VisibleRows } from './rows';
import type { TextPen } from './textPen';

/** What the 8-byte word at each offset of a record holds. */
const WORD_NAMES = ['value', 'grad', 'prev', 'cnt·op'];
/** `00`..`ff`, made once. */
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Largest cell text at text scale 1, in CSS pixels. */
const CELL_TEXT_PX = 13;

/**
 * Draws the text of the visible cells of `block`, if cells are wide enough to hold any, at
 * least {@link SMALLEST_LABEL_PX} times the level's text scale.
 */
export function drawCellText(
  pen: TextPen,
  layout: MemoryLayout,
  block: RegionBlock,
  rows: VisibleRows,
  scene: RegionScene,
  memory: Memory,
): void {
  const { ctx } = pen;
  const { cellBytes, bytePx, rowPx, textScale } = layout.level;
  const cellPx = cellBytes * bytePx;
  const smallest = SMALLEST_LABEL_PX * textScale;
  const fits = cellBytes === 1 ? (cellPx - 2) / (2 * DIGIT_EM) : Infinity; // a byte's 2 digits
  const px = Math.min(CELL_TEXT_PX * textScale, rowPx - 3, fits);
  // Text smaller than the smallest label is not drawn at all: it would not be legible.
  if (cellPx < smallest || px < smallest) return;
  pen.font(px);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const segments = scene.map.segments;
  for (let i = firstSegmentAfter(segments, rows.from); i < segments.length; i++) {
    const s = segments[i];
    if (s.start >= rows.to) break;
    const from = Math.max(s.start, rows.from);
    const to = Math.min(s.end, rows.to);
    if (cellBytes === 1) drawBytes(pen, layout, block, from, to, s.kind, memory.u8);
    else if (s.kind === CellKind.Record)
      drawRecordText(pen, layout, block, s.start, from, to, memory);
  }
}

function cellCentre(layout: MemoryLayout, block: RegionBlock, address: number, size: number) {
  const { rowBytes, bytePx, rowPx } = layout.level;
  const offset = address - block.region.base;
  const row = Math.floor(offset / rowBytes);
  const column = offset - row * rowBytes;
  return {
    x: layout.cellsX + (column + size / 2) * bytePx,
    y: block.viewY + row * rowPx - block.scroll + rowPx / 2,
  };
}

function drawBytes(
  pen: TextPen,
  layout: MemoryLayout,
  block: RegionBlock,
  from: number,
  to: number,
  kind: number,
  u8: Uint8Array,
): void {
  pen.ctx.fillStyle = kind === CellKind.Free ? palette.freeText : palette.byteText;
  for (let a = from; a < to; a++) {
    const p = cellCentre(layout, block, a, 1);
    pen.text(HEX_BYTES[u8[a]], p.x, p.y);
  }
}

function drawRecordText(
  pen: TextPen,
  layout: MemoryLayout,
  block: RegionBlock,
  runStart: number,
  from: number,
  to: number,
  memory: Memory,
): void {
  const { cellBytes, bytePx, textScale } = layout.level;
  const cellPx = cellBytes * bytePx;
  pen.ctx.fillStyle = palette.byteText;
  const first = runStart + Math.floor((from - runStart) / cellBytes) * cellBytes;
  for (let a = first; a < to; a += cellBytes) {
    const p = cellCentre(layout, block, a, cellBytes);
    if (cellBytes >= VALUE_RECORD_SIZE) {
      pen.text(opInfo(opAt(memory, a))?.glyph ?? '?', p.x, p.y);
      continue;
    }
    const word = ((a - runStart) % VALUE_RECORD_SIZE) / 8;
    pen.text(wordText(word, a - word * 8, cellPx / textScale, memory), p.x, p.y);
  }
}

/** The text of word `word` (0..3) of the record at `record`, in a cell `cellPx` wide at text
 * scale 1. */
function wordText(word: number, record: number, cellPx: number, memory: Memory): string {
  const name = WORD_NAMES[word];
  if (cellPx < 34) return name[0];
  if (cellPx < 70 || word >= 2) return name;
  const x = word === 0 ? valueAt(memory, record) : gradientAt(memory, record);
  return `${name[0]} ${formatShort(x)}`;
}

/** A number in at most about 6 characters. */
export function formatShort(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1e4 || abs < 1e-3) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}
