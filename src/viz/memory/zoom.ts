/**
 * Zoom decisions as pure functions: which zoom step to open on, and how to keep the byte under
 * the pointer in place when the zoom changes.
 */
import { layoutMemory, type RegionExtent, type ZoomLevel } from './memoryLayout';

/** Bytes per row below which a first look would be too close (the user can still zoom in). */
export const DEFAULT_MIN_ROW_BYTES = 128;

/**
 * The deepest zoom step (at most {@link DEFAULT_MIN_ROW_BYTES} per row) at which every region's
 * bytes in use (`inUse[i]`, e.g. its high-water mark) fit in its viewport without scrolling.
 */
export function autoZoomIndex(
  levels: readonly ZoomLevel[],
  regions: readonly RegionExtent[],
  inUse: readonly number[],
  width: number,
  height: number,
): number {
  for (let z = levels.length - 1; z > 0; z--) {
    const level = levels[z];
    if (level.rowBytes < DEFAULT_MIN_ROW_BYTES) continue;
    const layout = layoutMemory(regions, width, height, level, []);
    const fits = layout.blocks.every((b, i) => {
      const rows = Math.ceil(Math.max(inUse[i], 1) / level.rowBytes);
      return rows * level.rowPx <= b.viewHeight;
    });
    if (fits) return z;
  }
  return 0;
}

/** The index of the level with `rowBytes` per row, or the nearest one. */
export function levelIndexFor(levels: readonly ZoomLevel[], rowBytes: number): number {
  let best = 0;
  for (let z = 0; z < levels.length; z++) {
    if (
      Math.abs(Math.log2(levels[z].rowBytes / rowBytes)) <
      Math.abs(Math.log2(levels[best].rowBytes / rowBytes))
    ) {
      best = z;
    }
  }
  return best;
}

/**
 * The scroll that keeps byte offset `offset` of a region at viewport height `y` (pixels from the
 * viewport's top) at `level`.
 */
export function scrollKeeping(level: ZoomLevel, offset: number, y: number): number {
  const row = Math.floor(offset / level.rowBytes);
  return Math.max(0, row * level.rowPx - y);
}
