import { useSyncExternalStore } from 'react';
import type { LocalityTimes } from '../../core/baseline';
import { TermText } from '../glossary/TermText';
import { useSession } from '../SessionContext';
import { count, nanos } from './compareFormat';

/** The guide's summary table: the code before and after. */
const SUMMARY: readonly [string, string][] = [
  ['std::shared_ptr<Value>', 'Value*'],
  ['std::vector<ValuePtr> prev', 'Value* prev[2]'],
  ['std::function<void()>', 'void (*fn)(Value*)  →  here: an op code byte'],
  ['create_value(x)', 'create_value(arena, x)'],
  ['a + b', 'add(arena, a, b)'],
  ['automatic cleanup', 'arena.clear() or checkpoint.end()'],
];

/** The guide's four reasons, each with the evidence this page can honestly give. */
export function Reasons() {
  const run = useSession().compare;
  const summary = useSyncExternalStore(run.subscribe, run.getSummary);
  return (
    <section className="cmp-section" aria-labelledby="reasons-h">
      <h3 id="reasons-h">
        <TermText text="The guide’s four reasons, and what stands for each here" />
      </h3>
      <ol className="cmp-reasons">
        <li>
          <strong>No reference counting.</strong> JavaScript has none to remove: what stands in for
          it is the garbage collector, which must find every object a step left behind. Its cost is
          the spikes in the strip above; the arena gives it nothing to find.
        </li>
        <li>
          <strong>Cache locality.</strong> The same sweep (add a value into its gradient), per
          Value: <Locality t={summary?.locality ?? null} />
        </li>
        <li>
          <strong>Fast bulk free.</strong> One <code>checkpoint.end()</code> frees a whole step:{' '}
          {summary ? nanos(summary.checkpointEndNs) : '…'} against a heap graph of{' '}
          {summary && summary.nodes > 0 ? count(summary.nodes) : '…'} Values left to the collector.
        </li>
        <li>
          <strong>Simpler code.</strong> The guide’s summary:
          <table className="cmp-table cmp-code-table">
            <thead>
              <tr>
                <th scope="col">before</th>
                <th scope="col">after</th>
              </tr>
            </thead>
            <tbody>
              {SUMMARY.map(([before, after]) => (
                <tr key={before}>
                  <td>
                    <code>{before}</code>
                  </td>
                  <td>
                    <code>{after}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      </ol>
    </section>
  );
}

function Locality({ t }: { t: LocalityTimes | null }) {
  if (!t) return <span>measured in the worker after the first run (about a second)…</span>;
  return (
    <span data-testid="locality">
      records in address order {nanos(t.recordsInOrder)}; the same records shuffled{' '}
      {nanos(t.recordsShuffled)}; one object per Value in allocation order {nanos(t.objectsInOrder)}
      , shuffled (as pointers in a heap graph lead) {nanos(t.objectsShuffled)}. {count(t.count)}{' '}
      Values, best of 3.
    </span>
  );
}
