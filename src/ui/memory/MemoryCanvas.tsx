/**
 * Mounts the canvas memory view: creates the renderer in an effect on a ref, feeds it the live
 * engine, and passes selection and hover both ways through the store without re-rendering React
 * (store changes reach the renderer through a subscription).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MemoryMove } from '../../viz/memory/keyboardTargets';
import { useAppStore } from '../../store/appStore';
import { MemoryRenderer } from '../../viz/memory/MemoryRenderer';
import type { ZoomLevel } from '../../viz/memory/memoryLayout';
import { Viewport } from '../../viz/memory/viewport';
import { useSession } from '../SessionContext';
import { NARROW_QUERY } from '../narrow/useLayoutMode';

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
const MOVES: Record<string, MemoryMove | undefined> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  ArrowUp: 'rowUp',
  ArrowDown: 'rowDown',
};

export function MemoryCanvas({ arrows, onRenderer, onZoom }: MemoryCanvasProps) {
  const session = useSession();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<MemoryRenderer | null>(null);
  // The zoom and scroll outlive the renderer: hidden on a phone (React's Activity) the view's
  // effects stop and the renderer goes; shown again, a new one starts where the last one was.
  const viewportRef = useRef<Viewport | null>(null);
  const arrowsRef = useRef(arrows);
  const onZoomRef = useRef(onZoom);
  const [walking, setWalking] = useState(false);

  useEffect(() => {
    onZoomRef.current = onZoom;
  }, [onZoom]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const store = useAppStore;
    viewportRef.current ??= new Viewport();
    const callbacks = {
      onHover: (address: number | null) => {
        if (store.getState().hoveredAddress !== address) store.getState().hover(address);
      },
      onSelect: (address: number | null) => store.getState().select(address),
      onZoom: (index: number, level: ZoomLevel, count: number) =>
        onZoomRef.current(index, level, count),
    };
    const renderer = new MemoryRenderer(
      canvas,
      () => session.screen,
      callbacks,
      viewportRef.current,
    );
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
    // Presenter mode: every label on the canvas at least 16 px, like every text on the page; a
    // phone's narrow layout: 14 px, its text floor.
    const narrow = window.matchMedia(NARROW_QUERY);
    const textSize = (presenter: boolean) =>
      renderer.setMinTextPx(presenter ? 16 : narrow.matches ? 14 : null);
    const onNarrow = () => textSize(store.getState().presenter);
    narrow.addEventListener('change', onNarrow);
    textSize(store.getState().presenter);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.presenter !== prev.presenter) textSize(s.presenter);
      if (s.memoryVersion !== prev.memoryVersion) renderer.requestDraw();
      if (s.selectedAddress !== prev.selectedAddress || s.hoveredAddress !== prev.hoveredAddress) {
        push();
      }
    });
    onRenderer(renderer);
    return () => {
      unsubscribe();
      narrow.removeEventListener('change', onNarrow);
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

  /** Enter starts walking the records (not in presenter mode, where the step keys always step):
   * then arrows move a keyboard cursor over records and pointer arrays (shown and decoded as the
   * hovered one), Enter selects it, Esc stops. Until then every key is the app's. */
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>): void => {
    const renderer = rendererRef.current;
    const s = useAppStore.getState();
    if (renderer === null || event.ctrlKey || event.metaKey || event.altKey) return;
    const current = s.hoveredAddress ?? s.selectedAddress;
    const move = walking ? MOVES[event.key] : undefined;
    if (event.key === 'Escape' && walking) {
      event.preventDefault();
      setWalking(false);
    } else if (event.key === 'Enter' && (walking || !s.presenter)) {
      event.preventDefault();
      if (walking && current !== null) s.select(current);
      setWalking(true);
    } else if (move !== undefined) {
      event.preventDefault();
      const next = renderer.viewport.moveTarget(current, move);
      if (next !== null) s.hover(next);
      renderer.requestDraw();
    }
  };

  return (
    <>
      <canvas
        ref={canvasRef}
        className="memory-canvas"
        data-testid="memory-view"
        data-app-keys
        tabIndex={0}
        role="application"
        aria-roledescription="memory map"
        aria-label="Memory view: the model and scratch arena regions drawn to scale. The step keys keep stepping while it has focus; Enter walks its records with the arrow keys, Enter decodes one, Esc stops walking."
        aria-describedby="memory-regions"
        data-walking={walking || undefined}
        onKeyDown={onKeyDown}
        onBlur={() => setWalking(false)}
        onMouseDown={(event) => {
          // A click decodes a record but never takes the keys: focus stays off the view.
          event.preventDefault();
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        }}
      />
      {walking && (
        <p className="memory-walk-hint" role="status" data-testid="memory-walking">
          Walking the memory: arrows move · <kbd>Enter</kbd> decodes · <kbd>Esc</kbd> gives the keys
          back to stepping
        </p>
      )}
    </>
  );
}
