/**
 * Next and Previous of the tour, for its buttons and for the Space key while it is open: the
 * chapters in order, then each chapter whose question was missed once more, then the score.
 */
import type { TourAnswers } from '../../store/tourAnswersSlice';
import { CHAPTERS, type TourContext } from './chapters';
import { QUESTIONS } from './questions';

const LAST = CHAPTERS.length - 1;

/** Chapters whose question was answered wrong and has not come back yet, in order. */
export function missedChapters(answers: TourAnswers): number[] {
  return QUESTIONS.flatMap((question, chapter) => {
    const answer = answers[question.id];
    return answer && !answer.first.right && !answer.again ? [chapter] : [];
  });
}

/** Whether the tour is on its last screen, the score. */
export function onScoreScreen(tour: TourContext): boolean {
  const review = tour.state().tourReview;
  return review !== null && review.at >= review.chapters.length;
}

/**
 * Runs the chapter's action, or (once it ran) opens the next chapter; after the last, the missed
 * questions' chapters one by one, then the score; past the score, the tour closes.
 */
export function tourNext(tour: TourContext): void {
  const { tourChapter: chapter, tourActed: acted, tourReview: review, setTour } = tour.state();
  if (chapter === null) return;
  if (onScoreScreen(tour)) setTour(null);
  else if (!acted) {
    CHAPTERS[chapter].act(tour);
    setTour(chapter, true, review);
  } else if (review) {
    const at = review.at + 1;
    const next = review.chapters[at];
    setTour(next ?? chapter, next === undefined, { ...review, at });
  } else if (chapter < LAST) setTour(chapter + 1);
  else {
    const chapters = missedChapters(tour.state().tourAnswers);
    setTour(chapters[0] ?? chapter, chapters.length === 0, { chapters, at: 0 });
  }
}

/** Opens the previous chapter (from its start); from the missed questions, the one before. */
export function tourPrevious(tour: TourContext): void {
  const { tourChapter: chapter, tourReview: review, setTour } = tour.state();
  if (chapter === null) return;
  if (!review) setTour(Math.max(0, chapter - 1));
  else if (review.at > 0) {
    const at = Math.min(review.at, review.chapters.length) - 1;
    setTour(review.chapters[at], false, { ...review, at });
  } else setTour(LAST);
}
