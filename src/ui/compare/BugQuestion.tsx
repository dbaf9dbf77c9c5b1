import { useState } from 'react';
import type { StaleRead } from '../../session/compare/classicBug';

/** What a kept pointer can read after the reset. */
type BugChoice = 'old' | 'now' | 'error';

const CHOICES: readonly { id: BugChoice; text: string }[] = [
  { id: 'old', text: 'the value it pointed to when it was kept' },
  { id: 'now', text: 'whatever record lives there now' },
  { id: 'error', text: 'an error' },
];

/** The right choice for this read: debug mode throws; release reads the slot's new record. */
export function bugTruth(read: StaleRead): BugChoice {
  return read.debug ? 'error' : 'now';
}

/**
 * Predict mode's question before the classic bug's read is shown: "What will the kept pointer
 * read?" — three choices, the answer depending on release or debug mode. Any choice (or Show me)
 * gives the verdict and then the read itself.
 */
export function BugQuestion({
  read,
  done,
}: {
  read: StaleRead;
  done: (right: boolean | null) => void;
}) {
  const [chosen, setChosen] = useState<BugChoice | null>(null);
  const truth = bugTruth(read);
  const mode = read.debug ? 'debug mode (epochs in handles)' : 'release mode (no check)';
  return (
    <div className="cmp-read" data-testid="predict" data-kind="bug">
      <p data-testid="predict-prompt">
        <strong>Your turn:</strong> in {mode}, what will the kept pointer read?
      </p>
      <div className="cmp-row" role="group" aria-label="choices">
        {CHOICES.map((c, k) => (
          <button
            key={c.id}
            type="button"
            data-testid={`bug-choice-${c.id}`}
            disabled={chosen !== null}
            onClick={() => {
              setChosen(c.id);
              done(c.id === truth);
            }}
          >
            {k + 1}. {c.text}
          </button>
        ))}
        <button
          type="button"
          data-testid="predict-reveal"
          disabled={chosen !== null}
          onClick={() => done(null)}
        >
          Show me
        </button>
      </div>
    </div>
  );
}

/** The verdict once chosen, and why. */
export function bugVerdict(read: StaleRead, right: boolean | null): string {
  const truth = CHOICES.find((c) => c.id === bugTruth(read))!.text;
  const why = read.debug
    ? 'the handle carries the epoch of its birth, and the arena has been reset since'
    : 'release mode has no check, and the next step pushed its own record into the same bytes';
  const head = right === null ? 'skipped' : right ? 'right' : 'not quite';
  return `${head}: ${truth}, because ${why}.`;
}
