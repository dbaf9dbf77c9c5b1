/**
 * Mouse and touch on the memory view: the wheel zooms around the pointer (shift-wheel scrolls),
 * a drag scrolls the region under it, hover and click name the record under the pointer.
 */
import type { Viewport } from './viewport';

/** What the input changes. */
export interface PointerTarget {
  readonly viewport: Viewport;
  /** Something moved: draw again. */
  requestDraw(): void;
  onHover(address: number | null): void;
  onSelect(address: number | null): void;
}

/** Pixels of wheel delta per zoom step (a mouse notch is about 100). */
const WHEEL_STEP = 60;
/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 4;

/** Listens on `canvas`; returns a function that stops listening. */
export function attachPointerInput(canvas: HTMLCanvasElement, target: PointerTarget): () => void {
  const { viewport } = target;
  let drag: { x: number; y: number; block: number; scroll: number; moved: boolean } | null = null;
  let wheelDelta = 0;
  const point = (event: MouseEvent) => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const { y } = point(event);
    const block = viewport.blockAt(y);
    if (event.shiftKey && block >= 0 && viewport.layout) {
      viewport.scrollTo(
        block,
        viewport.layout.blocks[block].scroll + (event.deltaY || event.deltaX),
      );
      target.requestDraw();
      return;
    }
    wheelDelta += event.deltaY;
    const steps = Math.trunc(wheelDelta / WHEEL_STEP);
    if (steps === 0) return;
    wheelDelta -= steps * WHEEL_STEP;
    viewport.zoomBy(-steps, y);
    target.requestDraw();
  };
  const onDown = (event: PointerEvent) => {
    const { x, y } = point(event);
    const block = viewport.blockAt(y);
    const scroll = block >= 0 && viewport.layout ? viewport.layout.blocks[block].scroll : 0;
    drag = { x, y, block, scroll, moved: false };
    canvas.setPointerCapture?.(event.pointerId);
  };
  const onMove = (event: PointerEvent) => {
    const { x, y } = point(event);
    if (drag !== null && drag.block >= 0) {
      if (Math.abs(y - drag.y) + Math.abs(x - drag.x) > CLICK_SLOP) drag.moved = true;
      if (drag.moved) {
        viewport.scrollTo(drag.block, drag.scroll - (y - drag.y));
        target.requestDraw();
        return;
      }
    }
    target.onHover(viewport.targetAt(x, y));
  };
  const onUp = (event: PointerEvent) => {
    const wasClick = drag !== null && !drag.moved;
    drag = null;
    if (!wasClick) return;
    const { x, y } = point(event);
    target.onSelect(viewport.targetAt(x, y));
  };
  const onLeave = () => {
    if (drag === null) target.onHover(null);
  };
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointerleave', onLeave);
  return () => {
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointerleave', onLeave);
  };
}
