import { useId, useState } from 'react';
import type { TourAttempt } from '../../store/tourAnswersSlice';
import { gradeTyped, type AskedQuestion } from './questions';

interface Props {
  readonly asked: AskedQuestion;
  /** Asked before the chapter's action (a prediction) or after it. */
  readonly before: boolean;
  /**
   * A prediction whose action has run: its verdict and why were read before, so only the
   * verdict stays (a short panel, clear of what the action shows).
   */
  readonly seen: boolean;
  /** The answer to show, or undefined to ask. */
  readonly attempt: TourAttempt | undefined;
  /** Whether a wrong answer will come back before the tour ends. */
  readonly comesBack: boolean;
  onAnswer(attempt: TourAttempt): void;
  onForget(): void;
}

/**
 * One tour question (`data-testid="tour-question"`): its prompt, then either its choices (each a
 * button, `tour-answer`; the panel also takes the keys 1, 2, 3… for them) or a field (`tour-answer`: Enter answers, read by the core's parser),
 * and once answered the verdict with its explanation (`tour-verdict`). It can always be left
 * unanswered: the tour's Next goes on.
 */
export function TourQuestionView({
  asked,
  before,
  seen,
  attempt,
  comesBack,
  onAnswer,
  onForget,
}: Props) {
  const state = attempt ? (attempt.right ? 'right' : 'wrong') : 'open';
  if (attempt && seen)
    return (
      <section className="tour-question" data-testid="tour-question" data-state={state}>
        <p
          className={`tour-verdict ${attempt.right ? 'right' : 'wrong'}`}
          data-testid="tour-verdict"
          data-right={attempt.right}
          role="status"
        >
          <strong>{attempt.right ? '✓ Your prediction was right.' : '✗ Not yet'}</strong>
          {attempt.right
            ? ''
            : `: the answer is “${answerOf(asked)}”.${comesBack ? ' It comes back at the end.' : ''}`}
        </p>
      </section>
    );
  return (
    <section className="tour-question" data-testid="tour-question" data-state={state}>
      <p className="tour-prompt">
        <strong>{before ? 'Predict first: ' : 'Your turn: '}</strong>
        <Code text={asked.prompt} />
      </p>
      {attempt ? (
        <Verdict asked={asked} attempt={attempt} comesBack={comesBack} onForget={onForget} />
      ) : asked.kind === 'choice' ? (
        <div className="tour-choices" role="group" aria-label="answers">
          {asked.choices.map((text, k) => (
            <button
              key={text}
              type="button"
              data-testid="tour-answer"
              aria-keyshortcuts={String(k + 1)}
              onClick={() => onAnswer({ given: text, right: k === asked.right })}
            >
              <kbd>{k + 1}</kbd>
              <span>{text}</span>
            </button>
          ))}
        </div>
      ) : (
        <TypedAnswer asked={asked} onAnswer={onAnswer} />
      )}
    </section>
  );
}

/** The field of a number or address question: Enter (or the button) answers. */
function TypedAnswer({ asked, onAnswer }: Pick<Props, 'asked' | 'onAnswer'>) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = (): void => {
    const graded = gradeTyped(asked, text);
    if (graded.ok) onAnswer({ given: graded.given, right: graded.right });
    else setError(graded.message); // the text stays, to be corrected
  };
  return (
    <form
      className="tour-typed"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        data-testid="tour-answer"
        value={text}
        inputMode={asked.kind === 'address' ? 'text' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        aria-label={asked.kind === 'address' ? 'your answer: an address' : 'your answer: a number'}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        placeholder={asked.kind === 'address' ? 'e.g. 0x00100000' : 'e.g. -5/2 or 0.25'}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <button type="submit">Answer</button>
      {error && (
        <span id={errorId} className="tour-error" data-testid="tour-answer-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

/** Right or not yet, the answer, and why. */
function Verdict({
  asked,
  attempt,
  comesBack,
  onForget,
}: Pick<Props, 'asked' | 'comesBack' | 'onForget'> & { attempt: TourAttempt }) {
  return (
    <div
      className={`tour-verdict ${attempt.right ? 'right' : 'wrong'}`}
      data-testid="tour-verdict"
      data-right={attempt.right}
    >
      <p>
        <span role="status">
          <strong>{attempt.right ? '✓ Right' : '✗ Not yet'}</strong>
          {verdictLine(asked, attempt, comesBack)} <Code text={asked.why} />
        </span>{' '}
        <button type="button" className="tour-forget" data-testid="tour-forget" onClick={onForget}>
          forget my answers
        </button>
      </p>
    </div>
  );
}

/**
 * After "Right" or "Not yet": a right choice needs no repeating; a typed answer shows the value,
 * and a wrong one what was said and the answer.
 */
function verdictLine(asked: AskedQuestion, attempt: TourAttempt, comesBack: boolean): string {
  const back = comesBack ? ' It comes back at the end.' : '';
  if (asked.kind === 'choice')
    return attempt.right ? '.' : `. The answer: “${answerOf(asked)}”.${back}`;
  return attempt.right
    ? `: ${asked.shown}.`
    : ` — you said ${attempt.given}; the answer is ${asked.shown}.${back}`;
}

/** The right answer, as the verdict says it. */
function answerOf(asked: AskedQuestion): string {
  return asked.kind === 'choice' ? asked.choices[asked.right] : asked.shown;
}

/** `text` with its `backquoted` spans set as code. */
function Code({ text }: { text: string }) {
  return text.split('`').map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part));
}
