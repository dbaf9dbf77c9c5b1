import { useState, useSyncExternalStore } from 'react';
import { clampCount } from '../../setup';
import type { CompareSummary } from '../../session/compare/compareProtocol';
import { WARMUP_STEPS } from '../../session/compare/compareCore';
import { COMPARE_SAMPLES } from '../../session/compare/compareRun';
import { useSession } from '../SessionContext';
import { count, micros } from './compareFormat';
import { Headline } from './Headline';
import { TimeStrip } from './TimeStrip';

/** The batch sizes Before vs after trains (its heap engine gets slow past a few hundred). */
const BATCH = { min: 4, max: 400 };

/** Both engines trained side by side in a worker: the headline numbers, losses, the strip. */
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
    setNote(clamped.note && `batch ${points.trim().slice(0, 20)}: ${clamped.note}`);
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
          <select
            data-testid="compare-training"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'demo' | 'neuron')}
          >
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
          Run {COMPARE_SAMPLES} samples each
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
  const l = s.losses;
  const state = s.running ? 'Running' : s.samples >= s.target ? 'Done' : 'Stopped';
  return (
    <>
      <p className="cmp-note" data-testid="compare-status">
        {state}: {count(s.samples)} of {count(s.target)} samples each, interleaved (arena, heap,
        arena, …), same seed, in a Web Worker, after {count(WARMUP_STEPS)} warm-up steps and a
        calibration. {s.nodes > 0 ? count(s.nodes) : '—'} Values per step. The worker’s clock ticks
        every {micros(s.timerResolutionUs)}, so a sample runs steps until it lasts at least{' '}
        {micros(s.minSampleUs)} (100 ticks): {count(s.arena.stepsPerSample)} arena steps,{' '}
        {count(s.heap.stepsPerSample)} heap steps per sample.
        {s.error && <span className="cmp-error"> Stopped: {s.error}</span>}
      </p>
      <Headline s={s} />
      <p className="cmp-equal" data-testid="compare-losses">
        Losses equal at <span data-testid="compare-equal">{count(l.equal)}</span> of{' '}
        {count(l.compared)} steps (every step both engines took; largest difference{' '}
        {l.maxDifference === 0 ? '0' : l.maxDifference.toExponential(1)})
        {l.compared > 0 &&
          (l.lastArena === l.lastHeap
            ? `; the last: ${l.lastArena.toPrecision(8)} on both`
            : `; the last: ${l.lastArena.toPrecision(8)} (arena), ${l.lastHeap.toPrecision(8)} (heap)`)}
        .
      </p>
      <TimeStrip arena={s.arena} heap={s.heap} />
    </>
  );
}
