import { useEffect, useRef } from 'react';
import type { EngineTimes } from '../../session/compare/compareProtocol';
import { STRIP_STEPS } from '../../session/compare/compareProtocol';

const HEIGHT = 90;

/**
 * Per-step times of both engines, one bar per step, on a log scale (10 µs … 1 s): the heap
 * engine's garbage-collection pauses stand out as spikes above its median line.
 */
export function TimeStrip({ arena, heap }: { arena: EngineTimes; heap: EngineTimes }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const width = c.clientWidth;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(width * ratio);
    c.height = Math.round(HEIGHT * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    const y = (us: number) => HEIGHT - 4 - ((Math.log10(Math.max(us, 10)) - 1) / 5) * (HEIGHT - 12);
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#5a5a5a';
    ctx.strokeStyle = '#e4e4e4';
    for (const [us, label] of [
      [100, '0.1 ms'],
      [1000, '1 ms'],
      [10_000, '10 ms'],
      [100_000, '100 ms'],
    ] as const) {
      ctx.beginPath();
      ctx.moveTo(44, y(us));
      ctx.lineTo(width, y(us));
      ctx.stroke();
      ctx.fillText(label, 0, y(us) + 4);
    }
    const bar = (width - 48) / STRIP_STEPS;
    const draw = (times: number[], colour: string, offset: number) => {
      ctx.fillStyle = colour;
      times.forEach((us, k) => {
        const top = y(us);
        ctx.fillRect(48 + k * bar + offset, top, Math.max(1, bar / 2 - 0.5), HEIGHT - 4 - top);
      });
    };
    draw(heap.recentUs, '#cc79a7', 0);
    draw(arena.recentUs, '#0072b2', bar / 2);
  }, [arena, heap]);
  return (
    <figure className="cmp-strip">
      <canvas
        ref={canvas}
        data-testid="compare-strip"
        role="img"
        aria-label={`time per step, last ${heap.recentUs.length} steps: heap up to ${Math.round(heap.maxUs / 1000)} ms, arena up to ${(arena.maxUs / 1000).toFixed(1)} ms`}
        style={{ width: '100%', height: HEIGHT }}
      />
      <figcaption>
        Time per step, one bar per step (log scale): <span className="cmp-key-heap">■ heap</span>{' '}
        <span className="cmp-key-arena">■ arena</span>. Tall heap bars are steps that paid for a
        garbage collection.
      </figcaption>
    </figure>
  );
}
