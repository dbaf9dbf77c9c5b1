/**
 * The memory view's camera: zoom (bytes per row) and each region's scroll. It chooses the zoom
 * itself until the user zooms or pans, keeps what moves in view (a new selection, the backward
 * cursor, the marching bump pointer) and resolves canvas points to addresses.
 */
import { addressAt, blockOf, layoutMemory, scrollIntoView, zoomLevels } from './memoryLayout';
import type { MemoryLayout, ZoomLevel } from './memoryLayout';
import { moveTarget, type MemoryMove } from './keyboardTargets';
import { targetAt } from './pointer';
import type { MemoryScene } from './scene';
import { autoZoomIndex, levelIndexFor, scrollKeeping } from './zoom';

export class Viewport {
  /** The last layout computed, or null before the first draw. */
  layout: MemoryLayout | null = null;
  private scene: MemoryScene | null = null;
  private levels: ZoomLevel[] = [];
  private rowBytes = 0;
  private scrolls: number[] = [];
  private memoryShown: unknown = null;
  /** The user zoomed or panned since this engine appeared: stop choosing the zoom for them. */
  private userZoomed = false;
  /** Per region, the address kept in view last time (the cursor or the bump pointer). */
  private followed: number[] = [];
  private pendingReveal: number | null = null;

  /** Index of the current zoom level (0: whole regions) and how many there are. */
  get zoom(): { index: number; count: number; level: ZoomLevel | undefined } {
    const level = this.layout?.level;
    return { index: level ? this.levels.indexOf(level) : -1, count: this.levels.length, level };
  }

  /** Scrolls `address` into view at the next layout (once). */
  reveal(address: number): void {
    this.pendingReveal = address;
  }

  /** Zooms by `steps` (positive: closer) keeping the byte at canvas height `y` in place. */
  zoomBy(steps: number, y?: number): void {
    const current = this.layout;
    if (current === null || this.levels.length === 0) return;
    const index = levelIndexFor(this.levels, current.level.rowBytes);
    this.zoomTo(Math.max(0, Math.min(this.levels.length - 1, index + steps)), y);
  }

  /** Goes to zoom level `index`, keeping the byte at canvas height `y` (or each top row) in place. */
  zoomTo(index: number, y?: number): void {
    const current = this.layout;
    if (current === null) return;
    const level = this.levels[index];
    this.userZoomed = true;
    this.rowBytes = level.rowBytes;
    this.scrolls = current.blocks.map((b) => {
      const inside = y !== undefined && y >= b.viewY && y < b.viewY + b.viewHeight;
      const anchorY = inside ? y - b.viewY : 0;
      const row = Math.floor((b.scroll + anchorY) / current.level.rowPx);
      return scrollKeeping(level, row * current.level.rowBytes, anchorY);
    });
  }

  /** Sets the scroll of region `block` (a drag or a shift-wheel). */
  scrollTo(block: number, scroll: number): void {
    this.userZoomed = true;
    this.scrolls[block] = scroll;
  }

  /** The region whose header or rows are at canvas height `y`, or -1. */
  blockAt(y: number): number {
    const layout = this.layout;
    if (layout === null) return -1;
    return layout.blocks.findIndex((b) => y >= b.headerY && y < b.viewY + b.viewHeight);
  }

  /** The record or pointer-array start under canvas point (x, y), or null. */
  targetAt(x: number, y: number): number | null {
    if (this.layout === null || this.scene === null) return null;
    const hit = addressAt(this.layout, x, y);
    if (hit === null) return null;
    return targetAt(this.scene.regions[hit.block], hit.address);
  }

  /** The target a keyboard `move` from `from` lands on (and scrolls it into view), or null. */
  moveTarget(from: number | null, move: MemoryMove): number | null {
    if (this.scene === null || this.layout === null) return null;
    const target = moveTarget(this.scene, from, move, this.layout.level.rowBytes);
    if (target !== null) this.reveal(target);
    return target;
  }

  /** Lays `scene` out on a `width` × `height` canvas, its labels `textScale` times normal. */
  layoutFor(scene: MemoryScene, width: number, height: number, textScale = 1): MemoryLayout {
    const extents = scene.regions.map((r) => r.extent);
    this.levels = zoomLevels(extents, width, height, textScale);
    if (scene.memory !== this.memoryShown) {
      this.memoryShown = scene.memory;
      this.userZoomed = false;
      this.scrolls = [];
      this.followed = [];
    }
    if (!this.userZoomed) {
      const inUse = scene.regions.map((r) =>
        Math.max(r.summary.highWater, r.summary.used, r.planned),
      );
      this.rowBytes =
        this.levels[autoZoomIndex(this.levels, extents, inUse, width, height)].rowBytes;
    }
    const level = this.levels[levelIndexFor(this.levels, this.rowBytes)];
    const scrolls = [...this.scrolls];
    const first = layoutMemory(extents, width, height, level, scrolls);
    scene.regions.forEach((region, i) => {
      const follow = region.cursor >= 0 ? region.cursor : region.map.top;
      const moved = follow !== this.followed[i];
      this.followed[i] = follow;
      const reveal = this.pendingReveal !== null && blockOf(first, this.pendingReveal) === i;
      if (reveal || moved) {
        scrolls[i] = scrollIntoView(first, i, reveal ? this.pendingReveal! : follow);
      }
    });
    this.pendingReveal = null;
    const layout = layoutMemory(extents, width, height, level, scrolls);
    this.scrolls = layout.blocks.map((b) => b.scroll);
    this.layout = layout;
    this.scene = scene;
    return layout;
  }
}
