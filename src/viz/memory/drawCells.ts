/**
 * Draws one region's rows: runs of one colour filled with one rectangle per row they cross
 * (whole middle rows in a single rectangle), a cell grid when cells are wide enough, row
 * addresses in the gutter, and the bytes themselves (op glyphs, field names, hex) when zoomed in.
 * Reads the memory in place; allocates nothing per cell.
 */
import { CellKind } from '../../core/inspect';
import { hex, type Memory } from '../../core';
import { SMALLEST_LABEL_PX, type MemoryLayout, type RegionBlock } from './memoryLayout';
import { kindColor, palette, poisonFill } from './memoryPalette';
import type { RegionScene } from './scene';
import { drawCellText } from './drawText';
import { firstSegmentAfter, visibleRows, type VisibleRows } from './rows';
import type { TextPen } from './textPen';

/** Fills bytes `[start, end)` of `block`, row by row. */
export function fillRun(
  ctx: CanvasRenderingContext2D,
  layout: MemoryLayout,
  block: RegionBlock,
  start: number,
  end: number,
): void {
  if (end <= start) return;
  const { rowBytes, rowPx, bytePx } = layout.level;
  const gap = rowPx >= 8 ? 1 : 0;
  const x0 = layout.cellsX;
  const top = block.viewY - block.scroll;
  const o0 = start - block.region.base;
  const o1 = end - block.region.base;
  const r0 = Math.floor(o0 / rowBytes);
  const r1 = Math.floor((o1 - 1) / rowBytes);
  const rowRect = (row: number, a: number, b: number) =>
    ctx.fillRect(x0 + a * bytePx, top + row * rowPx, (b - a) * bytePx, rowPx - gap);
  if (r0 === r1) {
    rowRect(r0, o0 - r0 * rowBytes, o1 - r0 * rowBytes);
    return;
  }
  rowRect(r0, o0 - r0 * rowBytes, rowBytes);
  if (r1 > r0 + 1) {
    if (gap === 0) {
      ctx.fillRect(x0, top + (r0 + 1) * rowPx, rowBytes * bytePx, (r1 - r0 - 1) * rowPx);
    } else {
      for (let r = r0 + 1; r < r1; r++) rowRect(r, 0, rowBytes);
    }
  }
  rowRect(r1, 0, o1 - r1 * rowBytes);
}

/** Draws the visible rows of region `index` of the layout, their labels with `pen`. */
export function drawRegionCells(
  pen: TextPen,
  layout: MemoryLayout,
  index: number,
  scene: RegionScene,
  memory: Memory,
): void {
  const { ctx } = pen;
  const block = layout.blocks[index];
  if (block.viewHeight <= 0) return;
  const rows = visibleRows(layout, block);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, block.viewY, layout.cellsX + layout.cellsWidth, block.viewHeight);
  ctx.clip();
  const segments = scene.map.segments;
  for (let i = firstSegmentAfter(segments, rows.from); i < segments.length; i++) {
    const s = segments[i];
    if (s.start >= rows.to) break;
    const start = Math.max(s.start, rows.from);
    const end = Math.min(s.end, rows.to);
    ctx.fillStyle = s.kind === CellKind.Poison ? poisonFill(ctx) : kindColor(s.kind, scene.role);
    if (s.kind === CellKind.Record && scene.visitedFrom < end) {
      const split = Math.max(start, scene.visitedFrom);
      fillRun(ctx, layout, block, start, split);
      ctx.fillStyle = palette.visitedRecord;
      fillRun(ctx, layout, block, split, end);
    } else {
      fillRun(ctx, layout, block, start, end);
    }
  }
  drawGrid(ctx, layout, block);
  drawCellText(pen, layout, block, rows, scene, memory);
  ctx.restore();
  drawGutter(pen, layout, block, rows);
}

function drawGrid(ctx: CanvasRenderingContext2D, layout: MemoryLayout, block: RegionBlock): void {
  const { cellBytes, bytePx, rowBytes } = layout.level;
  const cellPx = cellBytes * bytePx;
  if (cellPx < 6) return;
  ctx.fillStyle = palette.grid;
  for (let c = 1; c < rowBytes / cellBytes; c++) {
    ctx.fillRect(layout.cellsX + c * cellPx - 0.5, block.viewY, 1, block.viewHeight);
  }
}

/** Row addresses in the gutter, one every few rows so they never overlap. */
function drawGutter(
  pen: TextPen,
  layout: MemoryLayout,
  block: RegionBlock,
  rows: VisibleRows,
): void {
  const { ctx } = pen;
  const { rowPx, rowBytes, textScale } = layout.level;
  const px = SMALLEST_LABEL_PX * textScale;
  const every = Math.max(1, Math.ceil((px + 3) / rowPx));
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, block.viewY, layout.cellsX, block.viewHeight);
  ctx.clip();
  ctx.fillStyle = palette.gutterText;
  pen.font(px);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  const first = Math.ceil(rows.firstRow / every) * every;
  for (let r = first; r <= rows.lastRow; r += every) {
    const y = block.viewY + r * rowPx - block.scroll + Math.max(0, (rowPx - px) / 2);
    if (y < block.viewY || y + px > block.viewY + block.viewHeight) continue;
    pen.text(hex(block.region.base + r * rowBytes), 4, y);
  }
  ctx.restore();
}
