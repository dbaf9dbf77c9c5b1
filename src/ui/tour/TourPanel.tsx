import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useAppStore } from '../../store/appStore';
import type { TourReview } from '../../store/layoutSlice';
import type { TourAnswers, TourAttempt } from '../../store/tourAnswersSlice';
import { TermText } from '../glossary/TermText';
import { ownsEveryKey } from '../keyOwnership';
import { useSession } from '../SessionContext';
import { CHAPTERS, type TourContext } from './chapters';
import { QUESTIONS, type AskedQuestion, type TourQuestion } from './questions';
import { missedChapters, tourNext, tourPrevious } from './tourCommands';
import { TourQuestionView } from './TourQuestionView';
import { TourScore } from './TourScore';
import { boxesOf, dockCorner, type DockCorner } from '../dock';
import './tour.css';

/**
 * The guided tour (`data-testid="tour-panel"`): one chapter's short text, then, on Next (or
 * Space), the action it describes, run through the session; Next again goes on to the next
 * chapter, Previous back. Each chapter asks one question, before its action or after it; after
 * the last chapter the missed ones come back once, then the score. Opening it moves focus into
 * the panel, where Space and → advance, ← goes back and Esc closes it, giving focus back to
 * where it was (a focused answer field keeps every key). It docks in the corner where it covers
 * none of what its chapter is about. Closing it leaves the app where the tour stood.
 */
export function TourPanel() {
  const session = useSession();
  const chapter = useAppStore((s) => s.tourChapter);
  const acted = useAppStore((s) => s.tourActed);
  const review = useAppStore((s) => s.tourReview);
  const answers = useAppStore((s) => s.tourAnswers);
  const setTour = useAppStore((s) => s.setTour);
  const predicting = useAppStore((s) => s.predictQuestion !== null);
  const tour: TourContext = useMemo(
    () => ({ session, state: () => useAppStore.getState() }),
    [session],
  );
  const scoreScreen = review !== null && review.at >= review.chapters.length;
  const reviewAt = review === null ? -1 : review.at;
  const current = chapter === null || scoreScreen ? null : CHAPTERS[chapter];
  const question = chapter === null || scoreScreen ? null : QUESTIONS[chapter];
  const panel = useRef<HTMLElement>(null);
  const { corner, top } = useDock(panel, chapter, acted);
  useEffect(() => {
    if (current) current.enter(tour);
  }, [current, tour, reviewAt]);
  const asked = useAsked(tour, question, acted, reviewAt);
  useFocusWhileOpen(panel, chapter !== null);
  if (chapter === null) return null;
  const next = (): void => tourNext(tour);
  const previous = (): void => tourPrevious(tour);
  const answered = (id: string) => (attempt: TourAttempt) => {
    useAppStore.getState().answerTour(id, attempt);
    panel.current?.focus({ preventScroll: true }); // the answer buttons are gone: Space goes on
  };
  const inReview = review !== null && !scoreScreen && review.chapters[review.at] === chapter;
  const answer = question ? answers[question.id] : undefined;
  const attempt = inReview ? answer?.again : (answer?.again ?? answer?.first);
  // One question at a time: while predict mode asks, the chapter's own question waits.
  const shown =
    !predicting &&
    question !== null &&
    asked !== null &&
    (question.when === 'before' ? !acted || attempt !== undefined : acted);
  // While a multiple-choice question waits for its answer, 1, 2, 3… pick a choice.
  const choiceKeys: Record<string, () => void> = {};
  if (shown && !attempt && asked.kind === 'choice')
    asked.choices.forEach((given, k) => {
      choiceKeys[String(k + 1)] = () => answered(question.id)({ given, right: k === asked.right });
    });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (ownsEveryKey(e.target as Element)) return; // an answer field: Enter answers
    // A predict question on screen: Enter and → are its (class mode: show, then go on).
    if (useAppStore.getState().predictQuestion && (e.key === 'Enter' || e.key === 'ArrowRight'))
      return;
    const onButton = (e.target as Element).closest('button') !== null;
    const action: Record<string, () => void> = {
      Escape: () => setTour(null),
      ArrowRight: next,
      ArrowLeft: previous,
      ...(onButton ? {} : { ' ': next, Enter: next }),
      ...choiceKeys,
    };
    const run = action[e.key];
    if (!run || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault(); // the page's own keys leave this press alone
    run();
  };
  const forget = (): void => {
    useAppStore.getState().forgetTourAnswers();
    panel.current?.focus({ preventScroll: true });
  };
  const nextLabel = scoreScreen
    ? 'Close the tour'
    : !acted
      ? `${current?.actionLabel ?? ''} ▶`
      : afterLabel(chapter, review, answers);
  return (
    <aside
      ref={panel}
      className={`tour-panel dock-${corner}${shown ? ' with-question' : ''}`}
      data-testid="tour-panel"
      data-chapter={chapter + 1}
      data-stage={scoreScreen ? 'score' : review ? 'review' : 'chapters'}
      data-dock={corner}
      style={corner.startsWith('top') ? { top } : undefined}
      aria-label="guided tour"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header>
        <span className="tour-count">
          {scoreScreen
            ? 'The end'
            : review
              ? `Again: ${review.at + 1} of ${review.chapters.length}`
              : `${chapter + 1} / ${CHAPTERS.length}`}
        </span>
        <h2>{scoreScreen ? 'Your score' : current?.title}</h2>
        <button type="button" aria-label="close the tour (Esc)" onClick={() => setTour(null)}>
          ×
        </button>
      </header>
      {scoreScreen ? (
        <TourScore answers={answers} onForget={forget} />
      ) : (
        <p aria-live="polite">
          <TermText text={current!.text} />
        </p>
      )}
      {shown && (
        <TourQuestionView
          key={`${chapter}:${reviewAt}`}
          asked={asked}
          before={question.when === 'before'}
          seen={question.when === 'before' && acted}
          attempt={attempt}
          comesBack={!inReview && answer?.again === undefined}
          onAnswer={answered(question.id)}
          onForget={forget}
        />
      )}
      <nav>
        <button
          type="button"
          data-testid="tour-prev"
          onClick={previous}
          disabled={chapter === 0 && !review}
        >
          ‹ Previous
        </button>
        <button type="button" data-testid="tour-next" onClick={next}>
          {nextLabel}
        </button>
        <span className="tour-hint">
          <kbd>Space</kbd> or <kbd>→</kbd> next · <kbd>←</kbd> back · <kbd>Esc</kbd> close
        </span>
      </nav>
    </aside>
  );
}

/**
 * The chapter's question as asked, measured when it is due: on entering the chapter for a
 * question asked before the action, once the action ran for one asked after it. (Measured in an
 * effect, after the chapter's `enter` has put the app where the chapter starts.)
 */
function useAsked(
  tour: TourContext,
  question: TourQuestion | null,
  acted: boolean,
  reviewAt: number,
): AskedQuestion | null {
  type Asked = { question: TourQuestion; reviewAt: number; asked: AskedQuestion | null };
  const [asked, setAsked] = useState<Asked | null>(null);
  useEffect(() => {
    if (!question) return;
    const due = question.when === 'before' ? !acted : acted;
    if (due) setAsked({ question, reviewAt, asked: question.ask(tour) });
    else if (question.when === 'after') setAsked(null);
  }, [tour, question, acted, reviewAt]);
  // Never one measured for another chapter, or for this one on an earlier pass.
  return asked && asked.question === question && asked.reviewAt === reviewAt ? asked.asked : null;
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

/** How often the dock looks again whether the panel covers what its chapter is about. */
const DOCK_POLL_MS = 500;

/**
 * The corner the panel docks in, measured after each chapter's entry and action, on a resize of
 * the window or the panel, and twice a second (what the chapter is about may move): clear of the
 * elements the chapter is `about`. It re-renders only when the corner changes.
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
      const next = { corner: dockCorner(size, area, avoid), top: header + 16 };
      setDock((now) => (now.corner === next.corner && now.top === next.top ? now : next));
    };
    // Two frames: the chapter's action has been painted (a record decoded, a scenario opened).
    frame = requestAnimationFrame(() => (frame = requestAnimationFrame(measure)));
    window.addEventListener('resize', measure);
    // The panel's own size changes too: a question appears, an answer becomes its verdict.
    const resized = new ResizeObserver(measure);
    if (panel.current) resized.observe(panel.current);
    // And what it is about may move: a page that fills in above it (Before vs after's numbers).
    const poll = window.setInterval(measure, DOCK_POLL_MS);
    return () => {
      cancelAnimationFrame(frame);
      window.clearInterval(poll);
      window.removeEventListener('resize', measure);
      resized.disconnect();
    };
  }, [panel, chapter, acted]);
  return dock;
}

/** The Next button's label once the chapter's action ran: where Next goes. */
function afterLabel(chapter: number, review: TourReview | null, answers: TourAnswers): string {
  if (review) return review.at + 1 < review.chapters.length ? 'Next question ›' : 'Your score ›';
  if (chapter < CHAPTERS.length - 1) return 'Next chapter ›';
  return missedChapters(answers).length > 0 ? 'Missed questions ›' : 'Your score ›';
}
