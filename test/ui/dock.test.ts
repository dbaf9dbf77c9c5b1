import { describe, expect, it } from 'vitest';
import { cornerBox, dockCorner, freeSpot, overlapArea, DOCK_CORNERS } from '../../src/ui/dock';

const area = { left: 0, top: 100, width: 1280, height: 700 };
const panel = { width: 440, height: 200 };

describe('docking a floating panel', () => {
  it('measures overlap', () => {
    const a = { left: 0, top: 0, width: 10, height: 10 };
    expect(overlapArea(a, { left: 5, top: 5, width: 10, height: 10 })).toBe(25);
    expect(overlapArea(a, { left: 10, top: 0, width: 10, height: 10 })).toBe(0);
  });

  it('puts each corner inside the area, margin in', () => {
    expect(cornerBox('bottom-right', panel, area, 16)).toEqual({
      left: 1280 - 440 - 16,
      top: 800 - 200 - 16,
      width: 440,
      height: 200,
    });
    expect(cornerBox('top-left', panel, area, 16)).toMatchObject({ left: 16, top: 116 });
  });

  it('prefers the bottom right when nothing is there', () => {
    expect(dockCorner(panel, area, [{ left: 0, top: 100, width: 300, height: 300 }])).toBe(
      'bottom-right',
    );
  });

  it('moves off the element it must not cover', () => {
    const record = { left: 850, top: 500, width: 420, height: 280 }; // lower right
    const corner = dockCorner(panel, area, [record]);
    expect(corner).toBe('bottom-left');
    expect(overlapArea(cornerBox(corner, panel, area, 16), record)).toBe(0);
  });

  it('falls back to the corner that covers least', () => {
    const everywhere = [
      { left: 0, top: 0, width: 1280, height: 420 },
      { left: 0, top: 700, width: 1280, height: 100 },
    ];
    const corner = dockCorner(panel, area, everywhere);
    const covered = (c: (typeof DOCK_CORNERS)[number]) =>
      everywhere.reduce((s, b) => s + overlapArea(cornerBox(c, panel, area, 16), b), 0);
    for (const other of DOCK_CORNERS) expect(covered(corner)).toBeLessThanOrEqual(covered(other));
  });
});

describe('a free spot along the edges', () => {
  it('slides along the bottom edge past a column of nodes', () => {
    const column = { left: 700, top: 100, width: 200, height: 700 };
    const spot = freeSpot({ width: 300, height: 100 }, area, [column], 8, 16);
    expect(spot).not.toBeNull();
    expect(overlapArea(spot!, column)).toBe(0);
  });

  it('finds the free strip on the right side when the corners are taken', () => {
    const nodes = [
      { left: 0, top: 100, width: 1000, height: 150 }, // top row, wide
      { left: 0, top: 650, width: 1000, height: 150 }, // bottom row, wide
      { left: 400, top: 250, width: 200, height: 400 }, // a column in the middle
    ];
    const spot = freeSpot({ width: 250, height: 300 }, area, nodes, 8, 16)!;
    expect(spot.left).toBeGreaterThanOrEqual(1000);
    for (const n of nodes) expect(overlapArea(spot, n)).toBe(0);
  });

  it('says null when the panel fits nowhere', () => {
    expect(freeSpot({ width: 300, height: 100 }, area, [area])).toBeNull();
  });
});
