import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../store/appStore';
import { TermText } from '../glossary/TermText';
import { useSession } from '../SessionContext';
import { CHAPTERS, type TourContext } from './chapters';
import { tourNext, tourPrevious } from './tourCommands';
import './tour.css';

/**
 * The guided tour (`data-testid="tour-panel"`): one chapter's short text, then, on Next (or
 * Space), the action it describes, run through the session; Next again goes on to the next
 * chapter, Previous back. Closing it leaves the app where the tour stood.
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
  useEffect(() => {
    if (current) current.enter(tour);
  }, [current, tour]);
  if (chapter === null || current === null) return null;
  const next = (): void => tourNext(tour);
  const previous = (): void => tourPrevious(tour);
  return (
    <aside
      className="tour-panel"
      data-testid="tour-panel"
      data-chapter={chapter + 1}
      aria-label="guided tour"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setTour(null);
      }}
    >
      <header>
        <span className="tour-count">
          {chapter + 1} / {CHAPTERS.length}
        </span>
        <h2>{current.title}</h2>
        <button type="button" aria-label="close the tour" onClick={() => setTour(null)}>
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
          <kbd>Space</kbd> next · <kbd>Esc</kbd> close
        </span>
      </nav>
    </aside>
  );
}
