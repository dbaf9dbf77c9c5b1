import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PREDICT_KINDS, type PredictKind, type PredictQuestion } from '../../core';
import { useAppStore } from '../../store/appStore';
import { predictDone, type PredictAnswer } from '../../store/predictSlice';
import { useSession } from '../SessionContext';
import './predict.css';

/** "right", "not yet" or the skip (in class: the answer), with the answer once it may be shown. */
function verdictOf(
  question: PredictQuestion,
  answer: PredictAnswer | undefined,
  classMode: boolean,
): string | null {
  if (!answer) return null;
  if (classMode && answer.revealed) return `Answer: ${question.truthText}`; // the class answered aloud
  const last = answer.tries.at(-1);
  if (answer.tries.some((t) => t.right)) return `right: ${question.truthText}`;
  if (answer.revealed) return `skipped: the answer is ${question.truthText}`;
  return last ? `not yet (you said ${last.given})` : null;
}

/**
 * Predict mode's question ("Your turn"), shown when the step keys stopped before a reveal: the
 * question naming the record as the graph does, a field (Enter answers), the verdict, a hint in
 * two steps after a wrong answer (the rule, then the numbers), and a button to see the answer.
 * In class mode (presenter mode) it fills the screen with no field: the teacher's Enter shows
 * the answer and the why, and the next press goes on.
 */
export function PredictPrompt() {
  const question = useAppStore((s) => s.predictQuestion);
  const answer = useAppStore((s) => (question ? s.predictAnswers[question.key] : undefined));
  const classMode = useAppStore((s) => s.presenter);
  if (!question) return null;
  return (
    <PromptCard key={question.key} question={question} answer={answer} classMode={classMode} />
  );
}

function PromptCard({
  question,
  answer,
  classMode,
}: {
  question: PredictQuestion;
  answer: PredictAnswer | undefined;
  classMode: boolean;
}) {
  const session = useSession();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const card = useRef<HTMLElement>(null);
  const done = predictDone(answer);
  const wrong = answer?.tries.filter((t) => !t.right).length ?? 0;
  useEffect(() => {
    // A new question takes the focus (type, Enter); once it is settled the keys go on.
    // In class mode the card itself takes it, so the teacher's Enter reaches the step keys.
    if (!done && !classMode) field.current?.focus();
    else if (classMode || card.current?.contains(document.activeElement)) card.current?.focus();
  }, [done, classMode]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const grade = session.predict.answer(text);
    setProblem(grade && !grade.ok ? grade.message : null);
  };
  const verdict = verdictOf(question, answer, classMode);
  const hints = done ? [] : question.hints.slice(0, Math.min(wrong, 2));
  return (
    <section
      ref={card}
      tabIndex={-1}
      className={`predict-card${classMode ? ' predict-class' : ''}`}
      data-testid="predict"
      data-kind={question.kind}
      aria-label="Your turn"
    >
      <p className="predict-label">Your turn · {question.kind}</p>
      <p className="predict-question" data-testid="predict-prompt">
        {question.prompt}
      </p>
      {!done && !classMode && (
        <form className="predict-form" onSubmit={submit}>
          <label>
            <span className="sr-only">Your answer</span>
            <input
              ref={field}
              data-testid="predict-input"
              value={text}
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              placeholder={question.answer === 'address' ? '0x… or decimal' : 'a number, e.g. −5/2'}
              onChange={(e) => setText(e.target.value)}
              aria-describedby="predict-problem"
            />
          </label>
          <button type="submit">Answer ⏎</button>
          <button
            type="button"
            data-testid="predict-reveal"
            onClick={() => session.predict.reveal()}
          >
            Show me
          </button>
        </form>
      )}
      {!done && classMode && <p className="predict-keys">Enter: show the answer</p>}
      <p id="predict-problem" className="predict-problem" role="alert">
        {problem}
      </p>
      {verdict && (
        <p
          className={`predict-verdict${done ? ' settled' : ''}`}
          data-testid="predict-verdict"
          data-right={String(answer?.tries.some((t) => t.right) ?? false)}
          aria-live="polite"
        >
          {verdict}
        </p>
      )}
      {hints.length > 0 && (
        <div className="predict-hint" data-testid="predict-hint" data-step={hints.length}>
          {hints.map((hint) => (
            <p key={hint}>Hint: {hint}</p>
          ))}
        </div>
      )}
      {done && (
        <>
          <p className="predict-why" data-testid="predict-why">
            Why: {question.why}
          </p>
          <p className="predict-keys">→ or Enter goes on</p>
        </>
      )}
      {!classMode && <PredictKinds />}
    </section>
  );
}

const KIND_NAMES: Record<PredictKind, string> = {
  backward: 'gradients',
  forward: 'addresses',
  update: 'updates',
  reset: 'resets',
};

/** Which kinds of question are asked: each can be turned off. */
function PredictKinds() {
  const kinds = useAppStore((s) => s.predictKinds);
  const setKind = useAppStore((s) => s.setPredictKind);
  return (
    <fieldset className="predict-kinds" data-testid="predict-kinds">
      <legend>Ask about</legend>
      {PREDICT_KINDS.map((kind) => (
        <label key={kind}>
          <input
            type="checkbox"
            data-testid={`predict-kind-${kind}`}
            checked={kinds[kind]}
            onChange={(e) => setKind(kind, e.target.checked)}
          />{' '}
          {KIND_NAMES[kind]}
        </label>
      ))}
    </fieldset>
  );
}

/** The header's switch for predict mode (Y), pressed while it is on. */
export function PredictToggle() {
  const on = useAppStore((s) => s.predict);
  const setPredict = useAppStore((s) => s.setPredict);
  return (
    <button
      type="button"
      className="keys-button"
      data-testid="predict-toggle"
      aria-pressed={on}
      onClick={() => setPredict(!on)}
      title="Your turn: the step keys stop before each reveal and ask you to predict it (Y)"
    >
      {on ? 'your turn: on ✓' : 'your turn'} <kbd>Y</kbd>
    </button>
  );
}
