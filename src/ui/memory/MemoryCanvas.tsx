/**
 * Mounts the canvas memory view: creates the renderer in an effect on a ref, feeds it the live
 * engine, and passes selection and hover both ways through the store without re-rendering React
 * (store changes reach the renderer through a subscription).
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/appStore';
import { MemoryRenderer } from '../../viz/memory/MemoryRenderer';
import type { ZoomLevel } from '../../viz/memory/layout';
import { useSession } from '../SessionContext';

/** Props of {@link MemoryCanvas}. */
export interface MemoryCanvasProps {
  /** Draw arrows from the selected record to its parents. */
  arrows: boolean;
  /** Receives the renderer once it exists (for the zoom buttons), and null on unmount. */
  onRenderer: (renderer: MemoryRenderer | null) => void;
  /** The zoom changed. */
  onZoom: (index: number, level: ZoomLevel, count: number) => void;
}

/** The canvas view of both arena regions (`data-testid="memory-view"`). */
export function MemoryCanvas({ arrows, onRenderer, onZoom }: MemoryCanvasProps) {
  const session = useSession();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<MemoryRenderer | null>(null);
  const arrowsRef = useRef(arrows);
  const onZoomRef = useRef(onZoom);

  useEffect(() => {
    onZoomRef.current = onZoom;
  }, [onZoom]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const store = useAppStore;
    const renderer = new MemoryRenderer(canvas, () => session.screen, {
      onHover: (address) => {
        if (store.getState().hoveredAddress !== address) store.getState().hover(address);
      },
      onSelect: (address) => store.getState().select(address),
      onZoom: (index, level, count) => onZoomRef.current(index, level, count),
    });
    rendererRef.current = renderer;
    const push = () => {
      const s = store.getState();
      renderer.setHighlight({
        selected: s.selectedAddress,
        hovered: s.hoveredAddress,
        arrows: arrowsRef.current,
      });
    };
    push();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.memoryVersion !== prev.memoryVersion) renderer.requestDraw();
      if (s.selectedAddress !== prev.selectedAddress || s.hoveredAddress !== prev.hoveredAddress) {
        push();
      }
    });
    onRenderer(renderer);
    return () => {
      unsubscribe();
      renderer.destroy();
      rendererRef.current = null;
      onRenderer(null);
    };
  }, [onRenderer, session]);

  useEffect(() => {
    arrowsRef.current = arrows;
    const renderer = rendererRef.current;
    if (renderer === null) return;
    const s = useAppStore.getState();
    renderer.setHighlight({ selected: s.selectedAddress, hovered: s.hoveredAddress, arrows });
  }, [arrows]);

  return (
    <canvas
      ref={canvasRef}
      className="memory-canvas"
      data-testid="memory-view"
      aria-label="Memory view: the model and scratch arena regions, drawn to scale"
    />
  );
}
