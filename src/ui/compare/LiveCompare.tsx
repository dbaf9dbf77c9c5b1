import { useState, useSyncExternalStore } from 'react';
import heapBytes from '../../../bench/data/heap-bytes.json';
import { totalObjects } from '../../core/baseline';
import { clampCount } from '../../setup';
import type { CompareSummary, EngineTimes } from '../../session/compare/compareProtocol';
import { COMPARE_STEPS } from '../../session/compare/compareRun';
import { useSession } from '../SessionContext';
import { TimeStrip } from './TimeStrip';

/** The batch sizes Before vs after trains (its heap engine gets slow past a few hundred). */
const BATCH = { min: 4, max: 400 };

const us = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} ms` : `${x.toFixed(0)} µs`);
const count = (x: number) => Math.round(x).toLocaleString('en');

/** Both engines trained side by side in a worker: time, allocations, bytes, free cost, losses. */
export function LiveCompare() {
  const session = useSession();
  const run = session.compare;
  const summary = useSyncExternalStore(run.subscribe, run.getSummary);
  const [points, setPoints] = useState(String(run.workload.points));
  const [kind, setKind] = useState(run.workload.kind);
  /** What became of the batch typed, when it was not run as typed. */
  const [note, setNote] = useState<string | null>(null);
  const restart = () => {
    const asked = Number(points.trim() === '' ? NaN : points);
    const clamped = Number.isInteger(asked)
      ? clampCount(asked, BATCH)
      : {
          value: run.workload.points,
          note: `not a whole number, so ${run.workload.points} are used`,
        };
    run.start({ kind, points: clamped.value });
    setPoints(String(clamped.value));
    setNote(clamped.note && `batch ${points.trim()}: ${clamped.note}`);
  };
  return (
    <section className="cmp-section" aria-labelledby="live-h">
      <h3 id="live-h">The same training, heap objects vs arena records, measured live</h3>
      <form
        className="cmp-row"
        onSubmit={(e) => {
          e.preventDefault();
          restart();
        }}
      >
        <label className="cmp-field">
          training
          <select value={kind} onChange={(e) => setKind(e.target.value as 'demo' | 'neuron')}>
            <option value="demo">micrograd’s demo: 2-16-16-1 on moons</option>
            <option value="neuron">the guide’s Neuron(3) on [1, 2, 3]</option>
          </select>
        </label>
        {kind === 'demo' && (
          <label className="cmp-field">
            batch (points, {BATCH.min}–{BATCH.max})
            <input
              data-testid="compare-points"
              value={points}
              inputMode="numeric"
              size={4}
              onChange={(e) => setPoints(e.target.value)}
            />
          </label>
        )}
        {note && (
          <span className="cmp-note" role="status" data-testid="compare-points-note">
            {note}
          </span>
        )}
        <button type="submit" data-testid="compare-run">
          Run {COMPARE_STEPS} steps each
        </button>
        <button type="button" onClick={() => run.stop()} disabled={!summary?.running}>
          Stop
        </button>
      </form>
      {summary ? <Numbers s={summary} /> : <p className="cmp-note">Starting the worker…</p>}
    </section>
  );
}

function Numbers({ s }: { s: CompareSummary }) {
  const ratio = s.arena.medianUs > 0 ? s.heap.medianUs / s.arena.medianUs : 0;
  const a = s.heapAllocations;
  return (
    <>
      <p className="cmp-note" data-testid="compare-status">
        {s.running ? 'Running' : s.steps >= s.target ? 'Done' : 'Stopped'}: step {s.steps} of{' '}
        {s.target} each, interleaved (arena, heap, arena, …), same seed, in a Web Worker; the first
        2 steps are warm-up. {s.nodes.toLocaleString('en')} Values per step. The worker’s clock
        ticks every {s.timerResolutionUs.toFixed(s.timerResolutionUs < 10 ? 1 : 0)} µs.
        {s.error && <span className="cmp-error"> Stopped: {s.error}</span>}
      </p>
      <div className="cmp-engines">
        <Engine
          testid="compare-heap"
          title="Before: heap objects (one object + closure per Value, garbage collected)"
          t={s.heap}
        >
          <li data-testid="compare-objects-heap">
            {count(totalObjects(a))} JS objects per step: {count(a.values)} Values,{' '}
            {count(a.closures)} closures, {count(a.arrays)} arrays, {count(a.setEntries)} set
            entries (counted by the engine; a floor)
          </li>
          <li>
            {heapBytes.bytesPerValue} bytes per Value (JS heap growth with one step’s graph alive,
            measured by <code>{heapBytes.command}</code> in Node {heapBytes.node}; the page’s V8
            compresses pointers, so a little less here)
          </li>
          <li>Free: nothing to call; the collector finds the step’s objects later</li>
          <li>Collector’s spikes: {(s.heap.spikeShare * 100).toFixed(0)}% of its time</li>
        </Engine>
        <Engine
          testid="compare-arena"
          title="After: arena records (bump pointer, one checkpoint per step)"
          t={s.arena}
        >
          <li data-testid="compare-objects-arena">
            0 JS objects per step: {count(s.arenaBytes)} bytes bumped in the scratch arena,{' '}
            {s.nodes > 0 ? (s.arenaBytes / s.nodes).toFixed(0) : '–'} bytes per Value (used ÷
            records)
          </li>
          <li>
            Free: <code>checkpoint.end()</code>, {s.checkpointEndNs.toFixed(0)} ns (mark + push +
            end, timed 100,000×), whatever the step’s size
          </li>
          <li>
            Slow steps: {(s.arena.spikeShare * 100).toFixed(0)}% of its time. It makes no garbage:
            these are most likely other work sharing the cores (the collector’s threads finishing
            the heap engine’s steps, other programs)
          </li>
        </Engine>
      </div>
      <p className="cmp-ratio">
        Heap ÷ arena, median per step:{' '}
        <strong data-testid="compare-ratio">{ratio.toFixed(0)}×</strong>. Losses equal at{' '}
        <span data-testid="compare-equal">{s.equalSteps}</span> of {s.steps} steps (largest
        difference {s.maxLossDifference.toExponential(1)}); last loss{' '}
        {s.arenaLosses.at(-1)?.toPrecision(8) ?? '–'} (arena) and{' '}
        {s.heapLosses.at(-1)?.toPrecision(8) ?? '–'} (heap).
      </p>
      <TimeStrip arena={s.arena} heap={s.heap} />
    </>
  );
}

function Engine(props: {
  testid: string;
  title: string;
  t: EngineTimes;
  children: React.ReactNode;
}) {
  const { t } = props;
  return (
    <div className="cmp-engine" data-testid={props.testid}>
      <h4>{props.title}</h4>
      <p className="cmp-big">
        <strong>{t.medianUs.toFixed(0)}</strong> µs per step (median)
      </p>
      <p className="cmp-note">
        10–90%: {us(t.p10Us)} – {us(t.p90Us)}; slowest {us(t.maxUs)}
      </p>
      <ul>{props.children}</ul>
    </div>
  );
}
