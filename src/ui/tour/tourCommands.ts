/** Next and Previous of the tour, for its buttons and for the Space key while it is open. */
import { CHAPTERS, type TourContext } from './chapters';

/** Runs the chapter's action, or (once it ran) opens the next chapter. */
export function tourNext(tour: TourContext): void {
  const { tourChapter: chapter, tourActed: acted, setTour } = tour.state();
  if (chapter === null) return;
  if (!acted) {
    CHAPTERS[chapter].act(tour);
    setTour(chapter, true);
  } else if (chapter < CHAPTERS.length - 1) setTour(chapter + 1);
}

/** Opens the previous chapter (from its start). */
export function tourPrevious(tour: TourContext): void {
  const { tourChapter: chapter, setTour } = tour.state();
  if (chapter !== null) setTour(Math.max(0, chapter - 1));
}
