import heapBytes from '../../../bench/data/heap-bytes.json';
import { totalObjects } from '../../core/baseline';
import type { CompareSummary, EngineTimes } from '../../session/compare/compareProtocol';
import { count, measured, micros, times } from './compareFormat';

/**
 * Why an engine's time (or the ratio) is not shown: there is no timed sample yet. Never a 0:
 * a figure computed from no samples would be one.
 */
export function untimedReason(s: CompareSummary, t?: EngineTimes): string {
  if (s.error) return 'the run failed';
  if (t && t.samples === 0 && t.retaken > 0) return 'too fast to time yet: batching more steps';
  if (s.running) return 'timing the first samples';
  return 'stopped before a sample was timed';
}

/** The headline: µs per step and JS objects per step of each engine, and heap ÷ arena. */
export function Headline({ s }: { s: CompareSummary }) {
  const timed = s.heap.samples > 0 && s.arena.samples > 0;
  const ratio = timed ? s.heap.medianUs / s.arena.medianUs : NaN;
  return (
    <div className="cmp-headline">
      <Engine testid="compare-heap" title="Before: heap objects" s={s} t={s.heap}>
        <p className="cmp-big" data-testid="compare-objects-heap">
          <strong>{s.heap.steps > 0 ? count(totalObjects(s.heapAllocations)) : '—'}</strong> JS
          objects per step
        </p>
        <p className="cmp-note">
          one object and closure per Value, about {heapBytes.bytesPerValue} bytes each, left to the
          garbage collector
        </p>
      </Engine>
      <Engine testid="compare-arena" title="After: arena records" s={s} t={s.arena}>
        <p className="cmp-big" data-testid="compare-objects-arena">
          <strong>0</strong> JS objects per step
        </p>
        <p className="cmp-note">
          {count(s.arenaBytes)} bytes bumped in the scratch arena, freed by one{' '}
          <code>checkpoint.end()</code>
        </p>
      </Engine>
      <div className="cmp-engine cmp-ratio-card">
        <h4>Heap ÷ arena</h4>
        <p className="cmp-big">
          <strong data-testid="compare-ratio">{Number.isFinite(ratio) ? times(ratio) : '—'}</strong>
        </p>
        <p className="cmp-note">
          {Number.isFinite(ratio)
            ? 'the median step’s time, heap over arena'
            : `no ratio: ${untimedReason(s)}`}
        </p>
      </div>
    </div>
  );
}

function Engine(props: {
  testid: string;
  title: string;
  s: CompareSummary;
  t: EngineTimes;
  children: React.ReactNode;
}) {
  const { s, t } = props;
  const timed = t.samples > 0;
  return (
    <div className="cmp-engine" data-testid={props.testid}>
      <h4>{props.title}</h4>
      <p className="cmp-big">
        <strong>{timed ? measured(t.medianUs) : '—'}</strong> µs per step
      </p>
      <p className="cmp-note">
        {timed
          ? `median of ${count(t.samples)} samples; 10–90 %: ${micros(t.p10Us)} – ${micros(t.p90Us)}; slowest ${micros(t.maxUs)}`
          : untimedReason(s, t)}
      </p>
      {props.children}
    </div>
  );
}
