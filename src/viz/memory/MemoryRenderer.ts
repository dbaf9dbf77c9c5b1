/**
 * The memory view: a framework-free class that owns a `<canvas>` (create it in an effect on a
 * ref, `destroy()` it in the cleanup). It draws both arena regions to scale from the live
 * engine, reading the memory in place, in one requestAnimationFrame scheduled by changes only.
 */
import { POINTER_SIZE, parentAt, parentCountAt, pointerAt } from '../../core';
import { CellKind, recordStartAt, segmentAt } from '../../core/inspect';
import { drawRegionCells } from './drawCells';
import { drawArrows, drawHeader, drawHighlight, drawMarkers } from './drawMarkers';
import { DrawTimes } from './drawTimes';
import { SMALLEST_LABEL_PX, type ZoomLevel } from './memoryLayout';
import { palette } from './memoryPalette';
import { attachPointerInput } from './pointerInput';
import type { MemoryScene, SceneSource } from './scene';
import { SceneCache } from './sceneCache';
import { TextPen } from './textPen';
import { Viewport } from './viewport';

/** What the view tells its owner. */
export interface MemoryRendererCallbacks {
  /** The pointer is over this record (or pointer array) start, or over nothing. */
  onHover(address: number | null): void;
  /** The user clicked this record (or array) start, or empty space. */
  onSelect(address: number | null): void;
  /** The zoom changed (for a label); `index` 0 shows whole regions. */
  onZoom?(index: number, level: ZoomLevel, count: number): void;
}

/** Highlights and overlays. */
export interface MemoryHighlight {
  selected: number | null;
  hovered: number | null;
  /** Draw arrows from the selected record to its parents. */
  arrows: boolean;
}

export class MemoryRenderer {
  /** Redraw times in milliseconds (the whole view, measured with performance.now()). */
  readonly times = new DrawTimes(240);
  private readonly ctx: CanvasRenderingContext2D;
  private readonly pen: TextPen;
  private textScale = 1;
  private readonly cache = new SceneCache();
  private readonly resizeObserver: ResizeObserver;
  private readonly detachInput: () => void;
  private width = 0;
  private height = 0;
  private cssWidth = 0;
  private cssHeight = 0;
  private frame = 0;
  private highlight: MemoryHighlight = { selected: null, hovered: null, arrows: false };
  private zoomReported = '';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly source: () => SceneSource | null,
    private readonly callbacks: MemoryRendererCallbacks,
    /** The camera: pass the last renderer's to keep its zoom and scroll (a view mounted again). */
    readonly viewport = new Viewport(),
  ) {
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('the memory view needs a 2D canvas context');
    this.ctx = ctx;
    this.pen = new TextPen(ctx);
    // The size comes from the observer, never from reading the layout while drawing: a read
    // of clientWidth right after React changed the page would force a synchronous reflow.
    this.cssWidth = canvas.clientWidth;
    this.cssHeight = canvas.clientHeight;
    this.resizeObserver = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect;
      this.cssWidth = box.width;
      this.cssHeight = box.height;
      this.requestDraw();
    });
    this.resizeObserver.observe(canvas);
    this.detachInput = attachPointerInput(canvas, {
      viewport: this.viewport,
      requestDraw: () => this.requestDraw(),
      onHover: (address) => callbacks.onHover(address),
      onSelect: (address) => callbacks.onSelect(address),
    });
    this.requestDraw();
  }

  /** Schedules one redraw on the next animation frame (several calls, one draw). */
  requestDraw(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  }

  /** Changes highlights; a new selection off screen is scrolled into view. */
  setHighlight(next: MemoryHighlight): void {
    if (next.selected !== null && next.selected !== this.highlight.selected) {
      this.viewport.reveal(next.selected);
    }
    this.highlight = { ...next };
    this.requestDraw();
  }

  /**
   * Draws every label at least `px` CSS pixels tall (presenter mode), the gutter, headers and
   * rows growing with them; null draws them at their normal size.
   */
  setMinTextPx(px: number | null): void {
    const scale = px === null ? 1 : Math.max(1, px / SMALLEST_LABEL_PX);
    if (scale === this.textScale) return;
    this.textScale = scale;
    this.requestDraw();
  }

  /** Zooms by `steps` (positive: closer). */
  zoomBy(steps: number): void {
    this.viewport.zoomBy(steps);
    this.requestDraw();
  }

  /** Shows every region whole. */
  fit(): void {
    this.viewport.zoomTo(0);
    this.requestDraw();
  }

  /** Stops drawing and lets go of the canvas. */
  destroy(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.resizeObserver.disconnect();
    this.detachInput();
  }

  private readonly draw = (): void => {
    this.frame = 0;
    const start = performance.now();
    this.resize();
    const ctx = this.ctx;
    ctx.fillStyle = palette.background;
    ctx.fillRect(0, 0, this.width, this.height);
    const source = this.source();
    if (source === null || this.width < 10 || this.height < 10) {
      this.canvas.dataset.smallestTextPx = '';
      this.canvas.dataset.labels = '0';
      return;
    }
    const scene = this.cache.get(source);
    const layout = this.viewport.layoutFor(scene, this.width, this.height, this.textScale);
    const pen = this.pen;
    pen.reset();
    scene.regions.forEach((region, i) => {
      drawRegionCells(pen, layout, i, region, scene.memory);
      drawHeader(pen, layout, layout.blocks[i], region);
      drawMarkers(ctx, layout, i, region);
    });
    const { hovered, selected, arrows } = this.highlight;
    if (hovered !== null && hovered !== selected) {
      drawHighlight(ctx, layout, scene.regions, hovered, palette.hovered, 2);
    }
    if (selected !== null) {
      drawHighlight(ctx, layout, scene.regions, selected, palette.selected, 2);
      if (arrows) drawArrows(ctx, layout, selected, pointeesOf(scene, selected));
    }
    this.times.add(performance.now() - start);
    this.canvas.dataset.drawStats = this.times.summaryJson();
    // The labels as drawn this frame (the smallest font size and how many), for tests and tools.
    this.canvas.dataset.smallestTextPx = pen.count > 0 ? String(pen.smallest) : '';
    this.canvas.dataset.labels = String(pen.count);
    this.reportZoom();
  };

  private reportZoom(): void {
    const { index, count, level } = this.viewport.zoom;
    const key = `${level?.rowBytes}:${count}`;
    if (level === undefined || key === this.zoomReported) return;
    this.zoomReported = key;
    this.callbacks.onZoom?.(index, level, count);
  }

  private resize(): void {
    const dpr = window.devicePixelRatio || 1;
    const width = Math.floor(this.cssWidth);
    const height = Math.floor(this.cssHeight);
    const pixels = Math.round(width * dpr);
    if (width !== this.width || height !== this.height || this.canvas.width !== pixels) {
      this.width = width;
      this.height = height;
      this.canvas.width = pixels;
      this.canvas.height = Math.round(height * dpr);
    }
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
}

/**
 * Where the selection points: a record's parents (its first `prev_count` prev slots), or every
 * address a pointer array holds. Empty for anything else.
 */
function pointeesOf(scene: MemoryScene, address: number): number[] {
  const region = scene.regions.find(
    (r) => address >= r.extent.base && address < r.extent.base + r.extent.capacity,
  );
  if (region === undefined) return [];
  const { memory } = scene;
  const segment = segmentAt(region.map, address);
  if (segment?.kind === CellKind.Pointers && segment.start === address) {
    const targets: number[] = [];
    const count = Math.floor((segment.end - segment.start) / POINTER_SIZE);
    for (let i = 0; i < count; i++) {
      const target = pointerAt(memory, segment.start, i);
      if (target !== 0) targets.push(target);
    }
    return targets;
  }
  if (recordStartAt(region.map, address) !== address) return [];
  const count = Math.min(2, parentCountAt(memory, address));
  const parents: number[] = [];
  for (let slot = 0; slot < count; slot++) parents.push(parentAt(memory, address, slot));
  return parents;
}
