import type { TourAnswers } from '../../store/tourAnswersSlice';
import { QUESTIONS } from './questions';

/** The tour's questions, counted by how they were answered. */
export interface TourTally {
  readonly total: number;
  /** Right in the end (the first time, or when the question came back). */
  readonly right: number;
  readonly firstTime: number;
  readonly secondTime: number;
  readonly unanswered: number;
}

/** Counts `answers` over the tour's questions. */
export function tally(answers: TourAnswers): TourTally {
  let firstTime = 0;
  let secondTime = 0;
  let unanswered = 0;
  for (const { id } of QUESTIONS) {
    const answer = answers[id];
    if (!answer) unanswered++;
    else if (answer.first.right) firstTime++;
    else if (answer.again?.right) secondTime++;
  }
  const right = firstTime + secondTime;
  return { total: QUESTIONS.length, right, firstTime, secondTime, unanswered };
}

/** The tour's last screen: the score (`data-testid="tour-score"`) and "forget my answers". */
export function TourScore({ answers, onForget }: { answers: TourAnswers; onForget(): void }) {
  const t = tally(answers);
  const missed = t.total - t.right - t.unanswered;
  return (
    <div className="tour-score-screen">
      <p
        className="tour-score"
        data-testid="tour-score"
        data-right={t.right}
        data-total={t.total}
        role="status"
      >
        {t.right} of {t.total} right
      </p>
      <p>
        {t.firstTime} the first time, {t.secondTime} when it came back
        {missed > 0 ? `, ${missed} missed` : ''}
        {t.unanswered > 0 ? `, ${t.unanswered} not answered` : ''}. Your answers stay in this
        browser.
      </p>
      <button type="button" className="tour-forget" data-testid="tour-forget" onClick={onForget}>
        forget my answers
      </button>
    </div>
  );
}
