import type { Verdict } from '../../core/exercises';
import { fullNumber } from './numbers';

/**
 * One verdict per component (`data-testid="exercise-verdict"`): right or not yet, in words and
 * a mark (never colour alone), the learner's number and the expected one (in one when they are
 * the same; shown only once the learner has tried, which is when there are verdicts at all), and
 * why, when there is more to say.
 */
export function VerdictList({
  verdicts,
  show = fullNumber,
}: {
  verdicts: readonly Verdict[];
  show?: (x: number) => string;
}) {
  return (
    <ul className="exercise-verdicts">
      {verdicts.map((v) => (
        <li
          key={v.label}
          className={v.right ? 'right' : 'not-yet'}
          data-testid="exercise-verdict"
          data-label={v.label}
          data-right={v.right}
        >
          <span className="verdict-head">
            <strong>{v.right ? '✓ right' : '✗ not yet'}</strong> <code>{v.label}</code>
            {v.got === v.expected && <> = {show(v.expected)}, as expected</>}
          </span>
          {v.got !== v.expected && (
            <span className="verdict-numbers">
              yours {v.got === null ? '—' : show(v.got)} · expected {show(v.expected)}
            </span>
          )}
          {v.note && <span className="verdict-note">{v.note}</span>}
        </li>
      ))}
    </ul>
  );
}
