/**
 * Where a floating panel docks: in the first corner of its area where it covers none of the
 * elements it must not hide, so a text never covers what it explains (the tour panel, the
 * chain-rule box in presenter mode). Pure geometry, unit-tested; the callers measure the
 * rectangles and apply the result.
 */

/** A rectangle in window coordinates (as `getBoundingClientRect` gives). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The corners tried, in order of preference (bottom right first: clear of the caption). */
export const DOCK_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type DockCorner = (typeof DOCK_CORNERS)[number];

/** The panel's rectangle in `corner` of `area`, `margin` pixels in from its edges. */
export function cornerBox(
  corner: DockCorner,
  panel: { width: number; height: number },
  area: Box,
  margin: number,
): Box {
  const left = corner.endsWith('right')
    ? area.left + area.width - panel.width - margin
    : area.left + margin;
  const top = corner.startsWith('bottom')
    ? area.top + area.height - panel.height - margin
    : area.top + margin;
  return { left, top: Math.max(area.top, top), width: panel.width, height: panel.height };
}

/** The area two rectangles share (0 when they do not overlap). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The first corner (in {@link DOCK_CORNERS} order) where the panel covers none of `avoid`; when
 * every corner covers something, the one that covers least.
 */
export function dockCorner(
  panel: { width: number; height: number },
  area: Box,
  avoid: readonly Box[],
  margin = 16,
): DockCorner {
  let best: DockCorner = DOCK_CORNERS[0];
  let least = Infinity;
  for (const corner of DOCK_CORNERS) {
    const box = cornerBox(corner, panel, area, margin);
    const covered = avoid.reduce((sum, target) => sum + overlapArea(box, target), 0);
    if (covered === 0) return corner;
    if (covered < least) {
      least = covered;
      best = corner;
    }
  }
  return best;
}

/** The rectangles of the visible elements matching `selector` (inside `root`). */
export function boxesOf(selector: string, root: ParentNode = document): Box[] {
  return [...root.querySelectorAll(selector)]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
}

/**
 * A place for the panel along the edges of `area` where it covers none of `avoid`, or null: the
 * four corners first, then sliding along the bottom, right, top and left edges in `step` pixel
 * steps.
 */
export function freeSpot(
  panel: { width: number; height: number },
  area: Box,
  avoid: readonly Box[],
  margin = 8,
  step = 16,
): Box | null {
  const free = (box: Box) => avoid.every((target) => overlapArea(box, target) === 0);
  for (const corner of DOCK_CORNERS) {
    const box = cornerBox(corner, panel, area, margin);
    if (free(box)) return box;
  }
  const minX = area.left + margin;
  const maxX = area.left + area.width - panel.width - margin;
  const minY = area.top + margin;
  const maxY = area.top + area.height - panel.height - margin;
  if (maxX < minX || maxY < minY) return null;
  const at = (left: number, top: number): Box => ({ left, top, ...panel });
  for (let x = maxX; x >= minX; x -= step) if (free(at(x, maxY))) return at(x, maxY);
  for (let y = maxY; y >= minY; y -= step) if (free(at(maxX, y))) return at(maxX, y);
  for (let x = maxX; x >= minX; x -= step) if (free(at(x, minY))) return at(x, minY);
  for (let y = maxY; y >= minY; y -= step) if (free(at(minX, y))) return at(minX, y);
  return null;
}
