/** Which rows and segments of a region are on screen. */
import type { RegionSegment } from '../../core/inspect';
import type { MemoryLayout, RegionBlock } from './memoryLayout';

/** The rows of `block` inside its viewport, and the bytes they hold. */
export interface VisibleRows {
  readonly firstRow: number;
  readonly lastRow: number;
  /** Visible bytes `[from, to)`. */
  readonly from: number;
  readonly to: number;
}

/** Which rows of a block are on screen. */
export function visibleRows(layout: MemoryLayout, block: RegionBlock): VisibleRows {
  const { rowBytes, rowPx } = layout.level;
  const rows = Math.ceil(block.region.capacity / rowBytes);
  const firstRow = Math.max(0, Math.floor(block.scroll / rowPx));
  const lastRow = Math.min(rows - 1, Math.floor((block.scroll + block.viewHeight - 1) / rowPx));
  const base = block.region.base;
  const end = base + block.region.capacity;
  return {
    firstRow,
    lastRow,
    from: base + firstRow * rowBytes,
    to: Math.min(end, base + (lastRow + 1) * rowBytes),
  };
}

/** Index of the first segment that ends after `address` (binary search). */
export function firstSegmentAfter(segments: readonly RegionSegment[], address: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
