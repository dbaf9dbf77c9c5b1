import { useEffect, useId, useRef, useState } from 'react';
import { gradePrediction, type Prediction } from './predictionVerdict';

interface Props {
  /** The program asked about, its output's and its leaf's names. */
  readonly program: string;
  readonly output: string;
  readonly leaf: string;
  /** d(output)/d(leaf) by the tape (the truth) and by the guide's recursion. */
  readonly truth: number;
  readonly guide: number;
  /** The learner's answer (or reveal), or null while the question is open. */
  readonly prediction: Prediction | null;
  onPredict(prediction: Prediction): void;
}

/**
 * "Predict first" before the guide's backward shows its numbers (`guide-predict`): a field read
 * by the core's parser (Enter answers), or **Show me** to skip. The verdict (`guide-verdict`)
 * says right, or that the answer is what the guide's code prints, or not yet, with the truth.
 */
export function GuidePrediction({
  program,
  output,
  leaf,
  truth,
  guide,
  prediction,
  onPredict,
}: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const verdictRef = useRef<HTMLParagraphElement>(null);
  const d = `d${output}/d${leaf}`;
  useEffect(() => {
    // The field and its buttons are gone with the answer: the focus goes to the verdict (Tab
    // goes on to the numbers and the walk) instead of falling to the page.
    if (prediction !== null && (document.activeElement ?? document.body) === document.body)
      verdictRef.current?.focus({ preventScroll: true });
  }, [prediction]);
  return (
    <div
      className="cmp-predict"
      data-testid="guide-predict"
      data-state={prediction?.kind ?? 'open'}
    >
      <p className="cmp-predict-prompt">
        <strong>Predict first:</strong> for <code>{program}</code>, what is {d}?
      </p>
      {prediction === null ? (
        <form
          className="cmp-row"
          onSubmit={(e) => {
            e.preventDefault();
            const graded = gradePrediction(text, truth, guide);
            if (graded.ok) onPredict(graded.prediction);
            else setError(graded.message);
          }}
        >
          <input
            data-testid="guide-answer"
            value={text}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-label={`your answer: ${d}, a number`}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            placeholder="e.g. 2"
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
          <button type="submit">Answer</button>
          <button
            type="button"
            data-testid="guide-reveal"
            onClick={() => onPredict({ kind: 'revealed' })}
          >
            Show me
          </button>
          {error && (
            <span id={errorId} className="cmp-error" data-testid="guide-answer-error" role="alert">
              {error}
            </span>
          )}
        </form>
      ) : (
        <p
          ref={verdictRef}
          tabIndex={-1}
          className={`cmp-verdict ${prediction.kind}`}
          data-testid="guide-verdict"
          role="status"
        >
          {verdict(prediction, d, truth, guide, `(${output} = ${truth}·${leaf})`)}
        </p>
      )}
    </div>
  );
}

/** The verdict's words: the mark, what was said, the truth and what the guide prints. */
function verdict(p: Prediction, d: string, truth: number, guide: number, linear: string) {
  const why = ` Both ${truth} and ${guide} are run below, and the walk shows where the ${guide - truth} extra comes from.`;
  if (p.kind === 'right')
    return (
      <>
        <strong>✓ Right:</strong> {d} = {truth} {linear}. The guide’s code prints {guide}.{why}
      </>
    );
  if (p.kind === 'guide')
    return (
      <>
        <strong>✗ That is what the guide’s code prints;</strong> the true derivative is {truth}{' '}
        {linear}.{why}
      </>
    );
  if (p.kind === 'wrong')
    return (
      <>
        <strong>✗ Not yet:</strong> you said {p.given}; the true derivative is {truth}
        {linear}, and the guide’s code prints {guide}.{why}
      </>
    );
  return (
    <>
      <strong>Answer:</strong> {d} = {truth} {linear}; the guide’s code prints {guide}.{why}
    </>
  );
}
