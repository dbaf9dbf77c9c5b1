import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useAppStore } from '../../store/appStore';
import { TermText } from '../glossary/TermText';
import { useSession } from '../SessionContext';
import { CHAPTERS, type TourContext } from './chapters';
import { tourNext, tourPrevious } from './tourCommands';
import { boxesOf, dockCorner, type DockCorner } from '../dock';
import './tour.css';

/**
 * The guided tour (`data-testid="tour-panel"`): one chapter's short text, then, on Next (or
 * Space), the action it describes, run through the session; Next again goes on to the next
 * chapter, Previous back. Opening it moves focus into the panel, where Space and → advance, ←
 * goes back and Esc closes it, giving focus back to where it was. It docks in the corner where
 * it covers none of what its chapter is about. Closing it leaves the app where the tour stood.
 */
export function TourPanel() {
  const session = useSession();
  const chapter = useAppStore((s) => s.tourChapter);
  const acted = useAppStore((s) => s.tourActed);
  const setTour = useAppStore((s) => s.setTour);
  const tour: TourContext = useMemo(
    () => ({ session, state: () => useAppStore.getState() }),
    [session],
  );
  const current = chapter === null ? null : CHAPTERS[chapter];
  const panel = useRef<HTMLElement>(null);
  const { corner, top } = useDock(panel, chapter, acted);
  useEffect(() => {
    if (current) current.enter(tour);
  }, [current, tour]);
  useFocusWhileOpen(panel, chapter !== null);
  if (chapter === null || current === null) return null;
  const next = (): void => tourNext(tour);
  const previous = (): void => tourPrevious(tour);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    const onButton = (e.target as Element).closest('button') !== null;
    const action: Record<string, () => void> = {
      Escape: () => setTour(null),
      ArrowRight: next,
      ArrowLeft: previous,
      ...(onButton ? {} : { ' ': next, Enter: next }),
    };
    const run = action[e.key];
    if (!run || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault(); // the page's own keys leave this press alone
    run();
  };
  return (
    <aside
      ref={panel}
      className={`tour-panel dock-${corner}`}
      data-testid="tour-panel"
      data-chapter={chapter + 1}
      data-dock={corner}
      style={corner.startsWith('top') ? { top } : undefined}
      aria-label="guided tour"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header>
        <span className="tour-count">
          {chapter + 1} / {CHAPTERS.length}
        </span>
        <h2>{current.title}</h2>
        <button type="button" aria-label="close the tour (Esc)" onClick={() => setTour(null)}>
          ×
        </button>
      </header>
      <p aria-live="polite">
        <TermText text={current.text} />
      </p>
      <nav>
        <button type="button" data-testid="tour-prev" onClick={previous} disabled={chapter === 0}>
          ‹ Previous
        </button>
        <button
          type="button"
          data-testid="tour-next"
          onClick={next}
          disabled={acted && chapter === CHAPTERS.length - 1}
        >
          {acted ? 'Next chapter ›' : `${current.actionLabel} ▶`}
        </button>
        <span className="tour-hint">
          <kbd>Space</kbd> or <kbd>→</kbd> next · <kbd>←</kbd> back · <kbd>Esc</kbd> close
        </span>
      </nav>
    </aside>
  );
}

/**
 * While the tour is open, focus starts in its panel; when it closes, focus goes back to what had
 * it before (or the page, if that is gone).
 */
function useFocusWhileOpen(panel: RefObject<HTMLElement | null>, open: boolean): void {
  const opener = useRef<Element | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    opener.current = document.activeElement;
    panel.current?.focus({ preventScroll: true });
    return () => {
      const back = opener.current as HTMLElement | null;
      if (back && back !== document.body && back.isConnected) back.focus({ preventScroll: true });
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    };
  }, [open, panel]);
}

/**
 * The corner the panel docks in, measured after each chapter's entry and action, on a resize
 * and twice a second: clear of the elements the chapter is `about`.
 */
function useDock(
  panel: RefObject<HTMLElement | null>,
  chapter: number | null,
  acted: boolean,
): { corner: DockCorner; top: number } {
  const [dock, setDock] = useState<{ corner: DockCorner; top: number }>({
    corner: 'bottom-right',
    top: 0,
  });
  useEffect(() => {
    if (chapter === null) return;
    let frame = 0;
    const measure = (): void => {
      const el = panel.current;
      if (!el) return;
      const header = document.querySelector('.header')?.getBoundingClientRect().bottom ?? 0;
      const avoid = CHAPTERS[chapter].about.flatMap((selector) => boxesOf(selector));
      const area = {
        left: 0,
        top: header,
        width: window.innerWidth,
        height: window.innerHeight - header,
      };
      const size = { width: el.offsetWidth, height: el.offsetHeight };
      const corner = dockCorner(size, area, avoid);
      const top = header + 16;
      setDock((was) => (was.corner === corner && was.top === top ? was : { corner, top }));
    };
    // Two frames: the chapter's action has been painted (a record decoded, a scenario opened).
    frame = requestAnimationFrame(() => (frame = requestAnimationFrame(measure)));
    // Then twice a second: what the chapter is about may move as its panel fills in (a
    // measurement's numbers arriving); a few rectangles read, a render only on a change.
    const again = window.setInterval(measure, 500);
    window.addEventListener('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      window.clearInterval(again);
      window.removeEventListener('resize', measure);
    };
  }, [panel, chapter, acted]);
  return dock;
}
