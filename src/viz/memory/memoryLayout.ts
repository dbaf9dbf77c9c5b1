/**
 * Where every byte of the memory view goes on the canvas: pure functions of the regions, the
 * canvas size, the zoom (bytes per row) and each region's scroll offset. Regions are stacked
 * top to bottom, each a header band and a viewport of rows; a row holds `rowBytes` bytes drawn
 * left to right, so every region is drawn to the same scale.
 */

/** Width of the left gutter that holds row addresses, in CSS pixels (at text scale 1). */
export const GUTTER = 86;
/** Height of a region's header band (at text scale 1). */
export const HEADER = 20;
/**
 * The smallest label the view draws at text scale 1 (the gutter's addresses), in CSS pixels.
 * A text scale of `px / SMALLEST_LABEL_PX` makes every label at least `px` tall.
 */
export const SMALLEST_LABEL_PX = 12;
/** Space between two regions. */
export const REGION_GAP = 8;
/** Fewest bytes per row: the deepest zoom. */
export const MIN_ROW_BYTES = 16;
/** Height of a row when the zoom shows the whole region. */
export const MIN_ROW_PX = 2;
/** Tallest row (at text scale 1). */
export const MAX_ROW_PX = 22;

/** A region as the layout needs it. */
export interface RegionExtent {
  readonly name: string;
  readonly base: number;
  readonly capacity: number;
}

/** One zoom step. */
export interface ZoomLevel {
  /** Bytes drawn in one row. A power of two. */
  readonly rowBytes: number;
  /** Bytes per drawn cell: 32 (a record), 8 (a field) or 1 (a byte). */
  readonly cellBytes: number;
  /** Width of one byte in CSS pixels (below 1 when zoomed out). */
  readonly bytePx: number;
  /** Height of one row in CSS pixels. */
  readonly rowPx: number;
  /**
   * How much bigger than normal the labels are (1 normally; presenter mode's larger text): the
   * gutter, the header bands, the tallest row and the cells that hold text grow with it.
   */
  readonly textScale: number;
}

/**
 * The zoom that draws `rowBytes` per row across `cellsWidth` pixels, its labels `textScale`
 * times their normal size (a byte cell must hold its two hex digits at that size).
 */
export function zoomLevel(rowBytes: number, cellsWidth: number, textScale = 1): ZoomLevel {
  const bytePx = cellsWidth / rowBytes;
  const cellBytes = bytePx >= hexCellPx(textScale) ? 1 : bytePx * 8 >= 10 * textScale ? 8 : 32;
  const cellPx = bytePx * cellBytes;
  // Cells are square; cells wide enough for a label grow taller with the text.
  const holdsText = cellPx >= SMALLEST_LABEL_PX * textScale;
  const tall = Math.floor(holdsText ? cellPx * textScale : cellPx);
  const rowPx = Math.max(MIN_ROW_PX, Math.min(Math.floor(MAX_ROW_PX * textScale), tall));
  return { rowBytes, cellBytes, bytePx, rowPx, textScale };
}

/** Width of a monospace digit, in ems. */
export const DIGIT_EM = 0.6;

/** The narrowest byte cell: room for its two hex digits at the smallest label size. */
export function hexCellPx(textScale: number): number {
  return 2 * DIGIT_EM * SMALLEST_LABEL_PX * textScale + 2;
}

/** Width of the address gutter at text scale `textScale`. */
export function gutterWidth(textScale: number): number {
  return Math.round(GUTTER * textScale);
}

/** Height of a header band at text scale `textScale`. */
export function headerHeight(textScale: number): number {
  return Math.round(HEADER * textScale);
}

/** Height left for rows once headers and gaps are drawn. */
export function rowsHeight(regionCount: number, height: number, textScale = 1): number {
  const headers = regionCount * headerHeight(textScale);
  return Math.max(0, height - headers - Math.max(0, regionCount - 1) * REGION_GAP);
}

/** Rows needed for `region` at `rowBytes` per row. */
export function rowCount(region: RegionExtent, rowBytes: number): number {
  return Math.ceil(region.capacity / rowBytes);
}

/**
 * Every zoom step, from the one that fits every region whole into the canvas (index 0) down to
 * `MIN_ROW_BYTES` per row, halving the bytes per row at each step; labels at `textScale`.
 */
export function zoomLevels(
  regions: readonly RegionExtent[],
  width: number,
  height: number,
  textScale = 1,
): ZoomLevel[] {
  const cellsWidth = Math.max(1, width - gutterWidth(textScale));
  const available = rowsHeight(regions.length, height, textScale);
  let fit = MIN_ROW_BYTES;
  const tallest = 1 << 30;
  while (fit < tallest) {
    const level = zoomLevel(fit, cellsWidth, textScale);
    const need = regions.reduce((sum, r) => sum + rowCount(r, fit) * level.rowPx, 0);
    if (need <= available) break;
    fit *= 2;
  }
  const levels: ZoomLevel[] = [];
  for (let rowBytes = fit; rowBytes >= MIN_ROW_BYTES; rowBytes /= 2) {
    levels.push(zoomLevel(rowBytes, cellsWidth, textScale));
  }
  return levels;
}

/** A region's place on the canvas. */
export interface RegionBlock {
  readonly region: RegionExtent;
  /** Top of the header band. */
  readonly headerY: number;
  /** Top of the rows' viewport. */
  readonly viewY: number;
  /** Height of the rows' viewport. */
  readonly viewHeight: number;
  /** Height of all its rows. */
  readonly contentHeight: number;
  /** Pixels scrolled (0 = first row at the top), already clamped. */
  readonly scroll: number;
}

/** The whole view at one zoom. */
export interface MemoryLayout {
  readonly level: ZoomLevel;
  /** Left edge of the cells. */
  readonly cellsX: number;
  readonly cellsWidth: number;
  readonly blocks: readonly RegionBlock[];
}

/**
 * Lays out `regions` at `level` (gutter and headers sized for its text scale). Each region gets
 * the height its rows need; when they do not all fit, the height is shared out evenly and the
 * tallest regions scroll.
 */
export function layoutMemory(
  regions: readonly RegionExtent[],
  width: number,
  height: number,
  level: ZoomLevel,
  scrolls: readonly number[],
): MemoryLayout {
  const wants = regions.map((r) => rowCount(r, level.rowBytes) * level.rowPx);
  const heights = shareHeight(wants, rowsHeight(regions.length, height, level.textScale));
  const header = headerHeight(level.textScale);
  const gutter = gutterWidth(level.textScale);
  let y = 0;
  const blocks = regions.map((region, i): RegionBlock => {
    const headerY = y;
    const viewY = y + header;
    y = viewY + heights[i] + REGION_GAP;
    const maxScroll = Math.max(0, wants[i] - heights[i]);
    const scroll = Math.min(maxScroll, Math.max(0, scrolls[i] ?? 0));
    return { region, headerY, viewY, viewHeight: heights[i], contentHeight: wants[i], scroll };
  });
  return { level, cellsX: gutter, cellsWidth: Math.max(1, width - gutter), blocks };
}

/** Water-filling: each gets what it wants, or an even share of what is left. */
export function shareHeight(wants: readonly number[], available: number): number[] {
  const heights = wants.map(() => 0);
  const order = wants.map((_, i) => i).sort((a, b) => wants[a] - wants[b]);
  let left = available;
  order.forEach((i, k) => {
    const share = Math.floor(left / (order.length - k));
    heights[i] = Math.min(wants[i], share);
    left -= heights[i];
  });
  return heights;
}

/** A point on the canvas resolved to a byte. */
export interface HitTarget {
  /** Index of the region block. */
  readonly block: number;
  /** Byte address under the point. */
  readonly address: number;
}

/** The byte under canvas point (x, y), or null over headers, gutter or past a region's end. */
export function addressAt(layout: MemoryLayout, x: number, y: number): HitTarget | null {
  const { level, cellsX, cellsWidth } = layout;
  if (x < cellsX || x >= cellsX + cellsWidth) return null;
  for (let i = 0; i < layout.blocks.length; i++) {
    const b = layout.blocks[i];
    if (y < b.viewY || y >= b.viewY + b.viewHeight) continue;
    const row = Math.floor((y - b.viewY + b.scroll) / level.rowPx);
    const column = Math.min(level.rowBytes - 1, Math.floor((x - cellsX) / level.bytePx));
    const offset = row * level.rowBytes + column;
    if (offset >= b.region.capacity) return null;
    return { block: i, address: b.region.base + offset };
  }
  return null;
}

/** Canvas position of the top-left corner of byte `address` of block `block` (may be off view). */
export function bytePosition(
  layout: MemoryLayout,
  block: number,
  address: number,
): { x: number; y: number } {
  const b = layout.blocks[block];
  const offset = address - b.region.base;
  const row = Math.floor(offset / layout.level.rowBytes);
  const column = offset - row * layout.level.rowBytes;
  return {
    x: layout.cellsX + column * layout.level.bytePx,
    y: b.viewY + row * layout.level.rowPx - b.scroll,
  };
}

/** Index of the block whose region holds `address`, or -1. */
export function blockOf(layout: MemoryLayout, address: number): number {
  return layout.blocks.findIndex(
    (b) => address >= b.region.base && address < b.region.base + b.region.capacity,
  );
}

/**
 * The scroll of block `block` that brings the row of `address` into view, moving as little as
 * possible (unchanged when it is already visible).
 */
export function scrollIntoView(layout: MemoryLayout, block: number, address: number): number {
  const b = layout.blocks[block];
  const { rowBytes, rowPx } = layout.level;
  const offset = Math.min(Math.max(0, address - b.region.base), b.region.capacity - 1);
  const y = Math.floor(offset / rowBytes) * rowPx;
  const margin = Math.min(rowPx * 2, Math.max(0, (b.viewHeight - rowPx) / 2));
  if (y - margin < b.scroll) return Math.max(0, y - margin);
  if (y + rowPx + margin > b.scroll + b.viewHeight) return y + rowPx + margin - b.viewHeight;
  return b.scroll;
}
