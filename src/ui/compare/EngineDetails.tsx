import { useSyncExternalStore } from 'react';
import heapBytes from '../../../bench/data/heap-bytes.json';
import { totalObjects } from '../../core/baseline';
import type { CompareSummary, EngineTimes } from '../../session/compare/compareProtocol';
import { useSession } from '../SessionContext';
import { count, nanos, percent } from './compareFormat';
import { untimedReason } from './Headline';

/** What each engine allocates per step, how it frees it, and its spikes. */
export function EngineDetails() {
  const run = useSession().compare;
  const s = useSyncExternalStore(run.subscribe, run.getSummary);
  const a = s?.heapAllocations;
  return (
    <section className="cmp-section" aria-labelledby="engines-h">
      <h3 id="engines-h">What a step allocates and frees</h3>
      {s && a && s.heap.steps > 0 ? (
        <div className="cmp-engines">
          <div className="cmp-engine">
            <h4>Before: heap objects</h4>
            <ul>
              <li>
                {count(totalObjects(a))} JS objects per step: {count(a.values)} Values,{' '}
                {count(a.closures)} closures, {count(a.arrays)} arrays, {count(a.setEntries)} set
                entries (counted by the engine; a floor)
              </li>
              <li>
                {count(heapBytes.bytesPerValue)} bytes per Value (JS heap growth with one step’s
                graph alive, measured by <code>{heapBytes.command}</code> in Node {heapBytes.node};
                the page’s V8 compresses pointers, so a little less here)
              </li>
              <li>Free: nothing to call; the collector finds the step’s objects later</li>
              <li>
                Collector’s spikes: <Spikes s={s} t={s.heap} />
              </li>
            </ul>
          </div>
          <div className="cmp-engine">
            <h4>After: arena records</h4>
            <ul>
              <li>
                0 JS objects per step: {count(s.arenaBytes)} bytes bumped in the scratch arena,{' '}
                {s.nodes > 0 ? count(s.arenaBytes / s.nodes) : '—'} bytes per Value (used ÷ records)
              </li>
              <li>
                Free: <code>checkpoint.end()</code>, {nanos(s.checkpointEndNs)} (mark + push + end,
                timed {count(100_000)}×), whatever the step’s size
              </li>
              <li>
                Slow samples: <Spikes s={s} t={s.arena} />. It makes no garbage: these are most
                likely other work sharing the cores (the collector’s threads finishing the heap
                engine’s steps, other programs)
              </li>
            </ul>
          </div>
        </div>
      ) : (
        <p className="cmp-note">Waiting for the first steps…</p>
      )}
    </section>
  );
}

/** The share of time above twice the median, and what a sample was. */
function Spikes({ s, t }: { s: CompareSummary; t: EngineTimes }) {
  if (t.spikeShare === null) return <>— ({untimedReason(s, t)})</>;
  const share = `${percent(t.spikeShare)} of its time above twice the median`;
  if (t.stepsPerSample === 1) return <>{share}, each step timed on its own</>;
  return (
    <>
      {share}, over samples of {count(t.stepsPerSample)} steps: one step is too short for the
      worker’s clock, so a pause is shared by the steps of its sample
    </>
  );
}
