import { useEffect, useRef } from 'react';

/**
 * A canvas that redraws with `draw(ctx, width, height)` on every `subscribe` signal and on
 * resize, at most once per animation frame, sized for the device's pixel ratio.
 */
export function useCanvas(
  draw: (ctx: CanvasRenderingContext2D, width: number, height: number) => void,
  subscribe: (redraw: () => void) => () => void,
) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let frame = 0;
    let size = { width: canvas.clientWidth, height: canvas.clientHeight };
    const paint = () => {
      frame = 0;
      const ratio = window.devicePixelRatio || 1;
      const w = Math.round(size.width * ratio);
      const h = Math.round(size.height * ratio);
      if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      draw(ctx, size.width, size.height);
    };
    const redraw = () => {
      if (frame === 0) frame = requestAnimationFrame(paint);
    };
    const resize = new ResizeObserver(([entry]) => {
      size = { width: entry.contentRect.width, height: entry.contentRect.height };
      redraw();
    });
    resize.observe(canvas);
    const unsubscribe = subscribe(redraw);
    redraw();
    return () => {
      unsubscribe();
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [draw, subscribe]);
  return ref;
}
