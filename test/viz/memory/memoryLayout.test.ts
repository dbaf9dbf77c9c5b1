import { describe, expect, it } from 'vitest';
import {
  GUTTER,
  HEADER,
  MIN_ROW_BYTES,
  addressAt,
  blockOf,
  bytePosition,
  layoutMemory,
  rowsHeight,
  shareHeight,
  zoomLevel,
  zoomLevels,
  type RegionExtent,
} from '../../../src/viz/memory/memoryLayout';
import { autoZoomIndex, levelIndexFor, scrollKeeping } from '../../../src/viz/memory/zoom';

const MiB = 1 << 20;
/** The MLP scenario's arenas: model 1 MiB after a 16-byte null guard, scratch 4 MiB above it. */
const REGIONS: RegionExtent[] = [
  { name: 'model', base: 16, capacity: MiB },
  { name: 'scratch', base: 16 + MiB, capacity: 4 * MiB },
];
const WIDTH = 480;
const HEIGHT = 260;

describe('zoom levels', () => {
  it('starts with a level that shows every region whole, to scale', () => {
    const levels = zoomLevels(REGIONS, WIDTH, HEIGHT);
    const fit = levels[0];
    const layout = layoutMemory(REGIONS, WIDTH, HEIGHT, fit, []);
    for (const block of layout.blocks) {
      expect(block.contentHeight).toBeLessThanOrEqual(block.viewHeight);
    }
    // To scale: scratch (4x the capacity) takes 4x the rows.
    expect(layout.blocks[1].contentHeight).toBe(4 * layout.blocks[0].contentHeight);
    // The next level up would not fit: the fit is the closest whole view.
    const closer = zoomLevel(fit.rowBytes / 2, WIDTH - GUTTER);
    const need = REGIONS.reduce(
      (s, r) => s + Math.ceil(r.capacity / closer.rowBytes) * closer.rowPx,
      0,
    );
    expect(need).toBeGreaterThan(rowsHeight(2, HEIGHT));
  });

  it('halves the bytes per row at each step, down to single bytes', () => {
    const levels = zoomLevels(REGIONS, WIDTH, HEIGHT);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i].rowBytes).toBe(levels[i - 1].rowBytes / 2);
    }
    const deepest = levels[levels.length - 1];
    expect(deepest.rowBytes).toBe(MIN_ROW_BYTES);
    expect(deepest.cellBytes).toBe(1);
    expect(levels.some((l) => l.cellBytes === 8)).toBe(true);
    expect(levels.some((l) => l.cellBytes === 32)).toBe(true);
  });

  it('opens close enough to read a small graph, and whole for a big one', () => {
    const levels = zoomLevels(REGIONS, WIDTH, HEIGHT);
    const small = autoZoomIndex(levels, REGIONS, [144, 480], WIDTH, HEIGHT);
    expect(levels[small].rowBytes).toBe(128);
    const big = autoZoomIndex(levels, REGIONS, [11_000, 2_095_392], WIDTH, HEIGHT);
    const layout = layoutMemory(REGIONS, WIDTH, HEIGHT, levels[big], []);
    expect(Math.ceil(2_095_392 / levels[big].rowBytes) * levels[big].rowPx).toBeLessThanOrEqual(
      layout.blocks[1].viewHeight,
    );
    expect(levelIndexFor(levels, levels[3].rowBytes)).toBe(3);
  });
});

describe('layout and hit-testing', () => {
  it('shares the height when regions do not fit, and clamps scrolling', () => {
    expect(shareHeight([10, 500, 900], 300)).toEqual([10, 145, 145]);
    const level = zoomLevel(256, WIDTH - GUTTER);
    const layout = layoutMemory(REGIONS, WIDTH, HEIGHT, level, [-50, 1e12]);
    expect(layout.blocks[0].scroll).toBe(0);
    const scratch = layout.blocks[1];
    expect(scratch.scroll).toBe(scratch.contentHeight - scratch.viewHeight);
    expect(layout.blocks[0].viewY).toBe(HEADER);
  });

  it('maps a point to its byte and a byte back to its point', () => {
    const level = zoomLevel(128, WIDTH - GUTTER);
    const layout = layoutMemory(REGIONS, WIDTH, HEIGHT, level, [0, 3 * level.rowPx]);
    for (const address of [16, 16 + 200, 16 + MiB + 3 * 128 + 40, 16 + MiB + 1000]) {
      const block = blockOf(layout, address);
      const p = bytePosition(layout, block, address);
      const hit = addressAt(layout, p.x + level.bytePx / 2, p.y + level.rowPx / 2);
      expect(hit).toEqual({ block, address });
    }
    expect(addressAt(layout, 5, HEADER + 5)).toBeNull(); // the gutter
    expect(addressAt(layout, GUTTER + 5, 5)).toBeNull(); // a header
    expect(blockOf(layout, 8)).toBe(-1); // the null guard
  });

  it('keeps a byte in place when zooming', () => {
    const from = zoomLevel(1024, WIDTH - GUTTER);
    const to = zoomLevel(256, WIDTH - GUTTER);
    const offset = 50 * 1024;
    const scroll = scrollKeeping(to, offset, 40);
    const row = Math.floor(offset / to.rowBytes);
    expect(row * to.rowPx - scroll).toBe(40);
    expect(scrollKeeping(from, 0, 40)).toBe(0);
  });
});
