/**
 * Everything drawn over the cells: region headers with a to-scale minimap, the bump pointer,
 * checkpoint marks, the high-water mark, the backward cursor, the selected and hovered records,
 * and pointer arrows from a record to its parents.
 */
import { hex } from '../../core';
import { CellKind, recordStartAt, segmentAt } from '../../core/inspect';
import { VALUE_RECORD_SIZE } from '../../core';
import { blockOf, bytePosition, type MemoryLayout, type RegionBlock } from './memoryLayout';
import { kindColor, palette } from './memoryPalette';
import type { RegionScene } from './scene';
import type { TextPen } from './textPen';

/** Bytes `[start, end)` that stand for `address` when it is highlighted. */
export function highlightRange(
  scene: RegionScene,
  address: number,
): { start: number; end: number } | null {
  const record = recordStartAt(scene.map, address);
  if (record !== undefined) return { start: record, end: record + VALUE_RECORD_SIZE };
  const segment = segmentAt(scene.map, address);
  if (segment === undefined) return null;
  if (segment.kind === CellKind.Pointers) return { start: segment.start, end: segment.end };
  const cell = address - (address % 8);
  return { start: cell, end: cell + 8 };
}

/** The header's name at text scale 1, in CSS pixels. */
const HEADER_TEXT_PX = 13;

/**
 * Draws a region's header: its name and base (with `pen`), and a minimap of the whole region to
 * scale; everything sized for the level's text scale.
 */
export function drawHeader(
  pen: TextPen,
  layout: MemoryLayout,
  block: RegionBlock,
  scene: RegionScene,
): void {
  const { ctx } = pen;
  const s = layout.level.textScale;
  const width = layout.cellsX + layout.cellsWidth;
  const y = block.headerY;
  const middle = y + (block.viewY - block.headerY) / 2;
  ctx.fillStyle = palette.headerText;
  pen.font(HEADER_TEXT_PX * s, true);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  pen.text(`${scene.extent.name} @ ${hex(scene.extent.base)}`, 4, middle);
  const mapX = Math.max(200 * s, width - 170);
  const mapW = width - 8 - mapX;
  const { capacity } = scene.extent;
  const scale = (offset: number) => mapX + (offset / capacity) * mapW;
  ctx.fillStyle = palette.free;
  ctx.fillRect(mapX, middle - 4, mapW, 8);
  ctx.fillStyle = kindColor(CellKind.Record, scene.role);
  ctx.fillRect(mapX, middle - 4, scale(scene.map.top - scene.extent.base) - mapX, 8);
  const tick = (offset: number, color: string) => {
    ctx.fillStyle = color;
    ctx.fillRect(Math.round(scale(offset)) - 1, middle - 7, 2, 14);
  };
  tick(scene.summary.highWater, palette.highWater);
  for (const c of scene.summary.checkpoints) tick(c, palette.checkpoint);
  tick(scene.map.top - scene.extent.base, palette.bumpPointer);
  if (block.contentHeight > block.viewHeight) {
    const from = block.scroll / block.contentHeight;
    const to = (block.scroll + block.viewHeight) / block.contentHeight;
    ctx.strokeStyle = palette.headerText;
    ctx.lineWidth = 1;
    ctx.strokeRect(mapX + from * mapW, middle - 5.5, Math.max(2, (to - from) * mapW), 11);
  }
}

/** Draws a vertical mark at `address`, taller than its row so it shows at any zoom. */
function markAt(
  ctx: CanvasRenderingContext2D,
  layout: MemoryLayout,
  index: number,
  address: number,
  color: string,
  shape: 'down' | 'up' | 'flag',
): void {
  const block = layout.blocks[index];
  const { rowPx } = layout.level;
  const p = bytePosition(layout, index, address);
  if (p.y + rowPx < block.viewY || p.y > block.viewY + block.viewHeight) return;
  const x = Math.round(p.x);
  ctx.fillStyle = color;
  ctx.fillRect(x - 1, p.y - 3, 2, rowPx + 6);
  ctx.beginPath();
  if (shape === 'down') {
    ctx.moveTo(x - 5, p.y - 9);
    ctx.lineTo(x + 5, p.y - 9);
    ctx.lineTo(x, p.y - 3);
  } else if (shape === 'up') {
    ctx.moveTo(x - 5, p.y + rowPx + 9);
    ctx.lineTo(x + 5, p.y + rowPx + 9);
    ctx.lineTo(x, p.y + rowPx + 3);
  } else {
    ctx.moveTo(x + 1, p.y - 9);
    ctx.lineTo(x + 9, p.y - 6);
    ctx.lineTo(x + 1, p.y - 3);
  }
  ctx.fill();
}

/** Bump pointer, checkpoints, high-water mark and backward cursor of region `index`. */
export function drawMarkers(
  ctx: CanvasRenderingContext2D,
  layout: MemoryLayout,
  index: number,
  scene: RegionScene,
): void {
  const block = layout.blocks[index];
  ctx.save();
  ctx.beginPath();
  ctx.rect(layout.cellsX - 10, block.viewY - 2, layout.cellsWidth + 20, block.viewHeight + 4);
  ctx.clip();
  const base = scene.extent.base;
  markAt(ctx, layout, index, base + scene.summary.highWater, palette.highWater, 'up');
  for (const c of scene.summary.checkpoints) {
    markAt(ctx, layout, index, base + c, palette.checkpoint, 'flag');
  }
  markAt(ctx, layout, index, scene.map.top, palette.bumpPointer, 'down');
  if (scene.cursor >= 0) {
    outlineRange(
      ctx,
      layout,
      index,
      scene.cursor,
      scene.cursor + VALUE_RECORD_SIZE,
      palette.cursor,
      3,
    );
  }
  ctx.restore();
}

/** Strokes the outline of bytes `[start, end)` of block `index`, one rectangle per row. */
export function outlineRange(
  ctx: CanvasRenderingContext2D,
  layout: MemoryLayout,
  index: number,
  start: number,
  end: number,
  color: string,
  width: number,
): void {
  const block = layout.blocks[index];
  const { rowBytes, rowPx, bytePx } = layout.level;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  let a = start;
  while (a < end) {
    const p = bytePosition(layout, index, a);
    const rowEnd =
      block.region.base + (Math.floor((a - block.region.base) / rowBytes) + 1) * rowBytes;
    const b = Math.min(end, rowEnd);
    const w = Math.max(3, (b - a) * bytePx);
    const h = Math.max(3, rowPx);
    ctx.strokeRect(p.x - width / 2, p.y - width / 2, w + width, h + width);
    a = b;
  }
}

/** Outlines the record (or array) at `address`, wherever it lies. */
export function drawHighlight(
  ctx: CanvasRenderingContext2D,
  layout: MemoryLayout,
  scenes: readonly RegionScene[],
  address: number,
  color: string,
  width: number,
): void {
  const index = blockOf(layout, address);
  if (index < 0) return;
  const range = highlightRange(scenes[index], address);
  if (range === null) return;
  const block = layout.blocks[index];
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, block.viewY - 4, layout.cellsX + layout.cellsWidth, block.viewHeight + 8);
  ctx.clip();
  outlineRange(ctx, layout, index, range.start, range.end, color, width);
  ctx.restore();
}

/** The centre of the cell(s) of a record, clamped into its block's viewport. */
export function anchorOf(
  layout: MemoryLayout,
  address: number,
): { x: number; y: number; clamped: boolean } | null {
  const index = blockOf(layout, address);
  if (index < 0) return null;
  const block = layout.blocks[index];
  const p = bytePosition(layout, index, address);
  const size = Math.min(VALUE_RECORD_SIZE, layout.level.rowBytes);
  const x = p.x + (size * layout.level.bytePx) / 2;
  const y = p.y + layout.level.rowPx / 2;
  const top = block.viewY;
  const bottom = block.viewY + block.viewHeight;
  const clampedY = Math.min(bottom, Math.max(top, y));
  return { x, y: clampedY, clamped: clampedY !== y };
}

/** Arrows from the record at `from` to each address in `to` (its parents). */
export function drawArrows(
  ctx: CanvasRenderingContext2D,
  layout: MemoryLayout,
  from: number,
  to: readonly number[],
): void {
  const a = anchorOf(layout, from);
  if (a === null) return;
  ctx.save();
  ctx.fillStyle = palette.arrow;
  for (const target of to) {
    const b = anchorOf(layout, target);
    if (b === null) continue;
    ctx.setLineDash(b.clamped ? [4, 3] : []);
    // Bend the curve sideways from the straight line, away from the cells' row (upwards for
    // a record pointing along its own row), so it never hides under the row it starts on.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const bend = Math.max(18, length * 0.3);
    const side = dx >= 0 ? -1 : 1;
    const cx = (a.x + b.x) / 2 + (side * -dy * bend) / length;
    const cy = (a.y + b.y) / 2 + (side * dx * bend) / length;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.quadraticCurveTo(cx, cy, b.x, b.y);
    ctx.strokeStyle = palette.background; // a halo, so the arrow reads over any cell
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = palette.arrow;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    const angle = Math.atan2(b.y - cy, b.x - cx);
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(b.x, b.y);
    ctx.lineTo(b.x - 8 * Math.cos(angle - 0.4), b.y - 8 * Math.sin(angle - 0.4));
    ctx.lineTo(b.x - 8 * Math.cos(angle + 0.4), b.y - 8 * Math.sin(angle + 0.4));
    ctx.fill();
  }
  ctx.restore();
}
