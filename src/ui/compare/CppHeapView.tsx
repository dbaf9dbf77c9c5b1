import { useEffect, useRef, useSyncExternalStore } from 'react';
import { CHUNK_KIND_NAMES, DRAWN_KINDS } from '../../core/cpp/chunkKinds';
import type {
  CppHeapPicture,
  CppLabSummary,
  CppWorkloadKind,
} from '../../session/compare/cppProtocol';
import { HEAP_COLOURS, drawArenaStrip, drawHeapCells } from '../../viz/cppHeap/drawHeap';
import { CELL_FREE } from '../../viz/cppHeap/heapRaster';
import { useSession } from '../SessionContext';

const count = (x: number) => Math.round(x).toLocaleString('en');
const CELL_PX = 8;

/**
 * The guide's before program's real heap, read from its WebAssembly memory: every dlmalloc
 * chunk to scale, named by the program's own kind table, step by step, with the lambdas that
 * capture their own node (the leak) or not; beside it the after program's scratch arena.
 */
export function CppHeapView() {
  const run = useSession().cpp;
  const lab = useSyncExternalStore(run.subscribe, run.getLab);
  useEffect(() => {
    run.enter();
    return () => run.leave();
  }, [run]);
  const kind = lab?.kind ?? run.labKind;
  const capture = lab?.captureSelf ?? run.captureSelf;
  return (
    <section className="cmp-section" aria-labelledby="cpp-heap-h">
      <h3 id="cpp-heap-h">The C++ heap, read from its own bytes</h3>
      <div className="cmp-row">
        <label className="cmp-field">
          training
          <select
            data-testid="cpp-heap-kind"
            value={kind}
            onChange={(e) => run.resetLab(e.target.value as CppWorkloadKind, capture)}
          >
            <option value="neuron">the guide’s Neuron(3)</option>
            <option value="demo">micrograd’s demo (about 8 MB a step)</option>
          </select>
        </label>
        <label className="cmp-field">
          <input
            type="checkbox"
            data-testid="cpp-leak-toggle"
            checked={capture}
            onChange={(e) => run.resetLab(kind, e.target.checked)}
          />
          lambdas capture their own node:{' '}
          <code>
            [out] {'{'} … {'}'}
          </code>
        </label>
        <button
          type="button"
          data-testid="cpp-heap-step"
          disabled={!lab || lab.stopped !== null}
          onClick={() => run.stepLab(1)}
        >
          Step
        </button>
        <button
          type="button"
          disabled={!lab || lab.stopped !== null}
          onClick={() => run.stepLab(10)}
        >
          10 steps
        </button>
        <button type="button" onClick={() => run.resetLab(kind, capture)}>
          Reset
        </button>
      </div>
      {lab ? <Lab lab={lab} /> : <p className="cmp-note">Loading the C++ module…</p>}
    </section>
  );
}

function Lab({ lab }: { lab: CppLabSummary }) {
  const leaked = lab.valueChunks - lab.weightValues;
  return (
    <>
      <p className="cmp-big" data-testid="cpp-leak">
        <strong>{count(lab.growthLastStep)}</strong> bytes of heap growth per step (the last step:{' '}
        {count(lab.mallocsLastStep)} mallocs, {count(lab.freesLastStep)} frees)
      </p>
      <p className="cmp-note" data-testid="cpp-cleanup">
        {lab.steps === 0
          ? 'Press Step: each step builds its graph on the heap, trains, and lets go of it.'
          : lab.captureSelf
            ? `The guide’s summary says “automatic cleanup”. Not with these lambdas: after ${count(lab.steps)} steps, ${count(leaked)} Value chunks besides the ${count(lab.weightValues)} weights are still in use, and nothing outside the heap points to them. Each node’s std::function holds a shared_ptr to the node itself (Value → function → shared_ptr → Value), so its count never reaches 0.`
            : `Every step’s chunks are freed when its graph is let go: the heap returns to its size (${count(lab.valueChunks)} Value chunks: the weights).`}
      </p>
      {lab.stopped && (
        <p className="cmp-error" role="status" data-testid="cpp-stopped">
          {lab.stopped}.
        </p>
      )}
      <div className="cpp-heap" data-testid="cpp-heap">
        {lab.during && <HeapPicture picture={lab.during} />}
        <HeapPicture picture={lab.after} />
        <Legend during={lab.during} after={lab.after} />
      </div>
      <Arena lab={lab} />
    </>
  );
}

function HeapPicture({ picture }: { picture: CppHeapPicture }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawHeapCells(canvas.current, picture.cells, picture.columns, CELL_PX);
  }, [picture]);
  return (
    <figure className="cpp-picture">
      <figcaption>
        <strong>{picture.label}</strong>: {picture.summary}; one square is{' '}
        {count(picture.bytesPerCell)} bytes
      </figcaption>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`the heap ${picture.label}: ${picture.summary}`}
      />
    </figure>
  );
}

/** Chunks by kind, while the last step's graph was alive and after: the pictures in words. */
function Legend({ during, after }: { during: CppHeapPicture | null; after: CppHeapPicture }) {
  const cell = (picture: CppHeapPicture | null, kind: number) => {
    const total = picture?.inUse.find((t) => t.kind === kind);
    return picture === null ? '–' : `${count(total?.chunks ?? 0)} (${count(total?.bytes ?? 0)} B)`;
  };
  const free = (picture: CppHeapPicture | null) =>
    picture === null ? '–' : `${count(picture.freeChunks)} (${count(picture.freeBytes)} B)`;
  return (
    <table className="cpp-legend">
      <caption className="sr-only">heap chunks by kind</caption>
      <thead>
        <tr>
          <th scope="col">chunk</th>
          <th scope="col">in use while the graph was alive</th>
          <th scope="col">after the step</th>
        </tr>
      </thead>
      <tbody>
        {DRAWN_KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row">
              <span
                className="cpp-swatch"
                style={{ backgroundColor: HEAP_COLOURS[kind] }}
                aria-hidden="true"
              />
              {CHUNK_KIND_NAMES[kind]}
            </th>
            <td>{cell(during, kind)}</td>
            <td>{cell(after, kind)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">
            <span
              className="cpp-swatch cpp-free"
              style={{ backgroundColor: HEAP_COLOURS[CELL_FREE] }}
              aria-hidden="true"
            />
            free (hatched)
          </th>
          <td>{free(during)}</td>
          <td>{free(after)}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>
            Not drawn: the top chunk (dlmalloc’s untouched rest), {count(after.topBytes)} bytes of{' '}
            {count(after.memoryBytes)} bytes of memory.
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function Arena({ lab }: { lab: CppLabSummary }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { valueBytes, highWater, used, mallocsPerStep } = lab.arena;
  const records = Math.floor(highWater / valueBytes);
  useEffect(() => {
    if (canvas.current) drawArenaStrip(canvas.current, records, used / valueBytes, 64, CELL_PX);
  }, [records, used, valueBytes]);
  return (
    <figure className="cpp-picture" data-testid="cpp-arena">
      <figcaption>
        <strong>The after program’s scratch arena</strong>: {count(highWater)} bytes at its high
        water, {count(records)} Values × {valueBytes} bytes, bumped one after another; the bump
        pointer is back at {count(used)} after <code>checkpoint.end()</code>;{' '}
        {count(mallocsPerStep)} mallocs in the last step.
      </figcaption>
      {records > 0 && (
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${count(records)} Value records, freed by one reset`}
        />
      )}
    </figure>
  );
}
