import { useEffect, useRef } from 'react';
import type { EngineTimes } from '../../session/compare/compareProtocol';
import { STRIP_STEPS } from '../../session/compare/compareProtocol';
import { micros } from './compareFormat';

/** Decades of µs the strip spans: from the fastest sample's to the slowest's, at least two. */
export function stripDecades(times: readonly number[]): [number, number] {
  const positive = times.filter((t) => t > 0);
  if (positive.length === 0) return [1, 3];
  let lo = Math.floor(Math.log10(Math.min(...positive)));
  let hi = Math.ceil(Math.log10(Math.max(...positive)));
  if (hi - lo < 2) [lo, hi] = [Math.min(lo, hi - 2), Math.max(hi, lo + 2)];
  return [lo, hi];
}

/** Draws the strip into `c` at its CSS size and font (presenter mode makes both larger). */
function draw(c: HTMLCanvasElement, arena: EngineTimes, heap: EngineTimes): void {
  const ctx = c.getContext('2d');
  if (!ctx) return;
  const width = c.clientWidth;
  const height = c.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  c.width = Math.round(width * ratio);
  c.height = Math.round(height * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const style = getComputedStyle(c);
  const fontPx = parseFloat(style.fontSize) || 11;
  ctx.font = `${fontPx}px ${style.fontFamily}`;
  const [lo, hi] = stripDecades([...arena.recentUs, ...heap.recentUs]);
  const bottom = height - 2;
  const top = fontPx * 0.6;
  const y = (us: number) =>
    bottom - ((Math.log10(Math.max(us, 10 ** lo)) - lo) / (hi - lo)) * (bottom - top);
  const labels = Array.from({ length: hi - lo + 1 }, (_, k) => 10 ** (lo + k));
  const left = Math.max(...labels.map((us) => ctx.measureText(micros(us)).width)) + 8;
  ctx.fillStyle = '#5a5a5a';
  ctx.strokeStyle = '#e4e4e4';
  labels.forEach((us, k) => {
    ctx.beginPath();
    ctx.moveTo(left - 4, y(us));
    ctx.lineTo(width, y(us));
    ctx.stroke();
    const baseline =
      k === 0 ? bottom : k === labels.length - 1 ? top + fontPx * 0.7 : y(us) + fontPx * 0.35;
    ctx.fillText(micros(us), 0, baseline);
  });
  const bar = (width - left) / STRIP_STEPS;
  const bars = (times: number[], colour: string, offset: number) => {
    ctx.fillStyle = colour;
    times.forEach((us, k) => {
      const barTop = y(us);
      ctx.fillRect(left + k * bar + offset, barTop, Math.max(1, bar / 2 - 0.5), bottom - barTop);
    });
  };
  bars(heap.recentUs, '#cc79a7', 0);
  bars(arena.recentUs, '#0072b2', bar / 2);
}

/**
 * µs per step of both engines' recent samples, one bar per sample, on a log scale spanning the
 * samples: the heap engine's garbage-collection pauses stand out as spikes. Redrawn when the
 * summary changes or the canvas is resized (presenter mode).
 */
export function TimeStrip({ arena, heap }: { arena: EngineTimes; heap: EngineTimes }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    draw(c, arena, heap);
    const observer = new ResizeObserver(() => draw(c, arena, heap));
    observer.observe(c);
    return () => observer.disconnect();
  }, [arena, heap]);
  const range = (t: EngineTimes) =>
    t.samples === 0 ? 'not timed yet' : `${micros(t.p10Us)} to ${micros(t.maxUs)}`;
  return (
    <figure className="cmp-strip">
      <canvas
        ref={canvas}
        data-testid="compare-strip"
        role="img"
        aria-label={`µs per step, last ${heap.recentUs.length} samples: heap ${range(heap)}, arena ${range(arena)}`}
      />
      <figcaption>
        µs per step of each sample, one bar per sample (log scale):{' '}
        <span className="cmp-key-heap">■ heap</span> <span className="cmp-key-arena">■ arena</span>.
        Tall heap bars are samples that paid for a garbage collection.
      </figcaption>
    </figure>
  );
}
