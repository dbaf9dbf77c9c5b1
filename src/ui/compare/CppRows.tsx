import { useSyncExternalStore } from 'react';
import {
  WARMUP_ROUNDS,
  type CppEngineId,
  type CppEngineRow,
  type CppTimingSummary,
  type CppWorkloadKind,
} from '../../session/compare/cppProtocol';
import { useSession } from '../SessionContext';

const count = (x: number) => Math.round(x).toLocaleString('en');
const micro = (x: number) => (x >= 100 ? count(x) : x.toPrecision(3));

/** Each engine's panel: its title (no digits: a panel's first number is its µs per step). */
const ENGINES: Record<CppEngineId, { title: string; testid: string; what: string }> = {
  cppBefore: {
    title: 'C++ before: make_shared, vector, std::function',
    testid: 'cpp-before',
    what: 'the guide’s before Value, lambdas holding a raw Value* (no leak), micrograd’s backward',
  },
  cppAfter: {
    title: 'C++ after: the guide’s arena, put right',
    testid: 'cpp-after',
    what: 'push_struct into the scratch arena, one reverse sweep, the update, checkpoint.end()',
  },
  ts: {
    title: 'This engine, in TypeScript',
    testid: 'cpp-ts',
    what: 'the same records in an ArrayBuffer, the lean step',
  },
  wasm: {
    title: 'This engine’s WebAssembly kernel',
    testid: 'cpp-wasm',
    what: 'the same step, its forward and backward in a hand-written kernel',
  },
  heap: {
    title: 'JavaScript heap engine, garbage collected',
    testid: 'cpp-js-heap',
    what: 'one object and one closure per Value, left to the collector',
  },
};

const SHORT: Record<CppEngineId, string> = {
  cppBefore: 'C++ before',
  cppAfter: 'C++ after',
  ts: 'TypeScript',
  wasm: 'Wasm kernel',
  heap: 'JS heap',
};

/**
 * The guide's real C++ (compiled to WebAssembly) against itself and against this engine: five
 * engines timed interleaved in one run in the C++ worker, on the same data and first weights.
 */
export function CppRows() {
  const run = useSession().cpp;
  const timing = useSyncExternalStore(run.subscribe, run.getTiming);
  const error = useSyncExternalStore(run.subscribe, run.getError);
  const start = (kind: CppWorkloadKind) => run.startTiming(kind);
  return (
    <section className="cmp-section" aria-labelledby="cpp-rows-h">
      <h3 id="cpp-rows-h">The guide’s own C++, compiled to WebAssembly, against this engine</h3>
      <p className="cmp-note">
        cpp/before.cpp and cpp/after.cpp, built with clang for WebAssembly (wasm32-wasi, -O2), run
        in this page’s C++ worker beside this engine’s TypeScript and Wasm steps and the JavaScript
        heap engine: same data, same first weights, each engine in turn, round after round.
      </p>
      <div className="cmp-row">
        <button type="button" data-testid="cpp-run" onClick={() => start('demo')}>
          Time micrograd’s demo
        </button>
        <button type="button" data-testid="cpp-run-neuron" onClick={() => start('neuron')}>
          Time the guide’s neuron
        </button>
        <button type="button" onClick={() => run.stopTiming()} disabled={!timing?.running}>
          Stop
        </button>
      </div>
      {error && (
        <p className="cmp-error" role="alert">
          The C++ worker failed: {error}
        </p>
      )}
      {timing ? <Rows s={timing} /> : <p className="cmp-note">Not timed yet.</p>}
    </section>
  );
}

function Rows({ s }: { s: CppTimingSummary }) {
  const what = s.kind === 'demo' ? 'micrograd’s demo (2-16-16-1, 100 moons)' : 'the guide’s neuron';
  return (
    <>
      <p className="cmp-note" data-testid="cpp-status">
        {s.running ? 'Running' : s.rounds >= s.target ? 'Done' : 'Stopped'}: round {s.rounds} of{' '}
        {s.target} on {what}, {count(s.nodes)} Values per step. Each engine runs a batch of steps
        per round, timed as a whole (the worker’s clock ticks every{' '}
        {s.timerResolutionUs.toFixed(s.timerResolutionUs < 10 ? 1 : 0)} µs); the first{' '}
        {WARMUP_ROUNDS} rounds are warm-up.
        {s.error && <span className="cmp-error"> Stopped: {s.error}</span>}
      </p>
      <div className="cmp-engines cpp-engines">
        {s.rows.map((row) => (
          <EnginePanel key={row.id} row={row} />
        ))}
      </div>
      <p className="cmp-ratio" data-testid="cpp-ratios">
        Per pair, median of the rounds’ ratios:{' '}
        {s.ratios.map((r, i) => (
          <span key={`${r.slower}-${r.faster}`}>
            {i > 0 && '; '}
            {SHORT[r.slower]} ÷ {SHORT[r.faster]} <strong>{r.ratio.toPrecision(3)}×</strong>
          </span>
        ))}
        .
      </p>
    </>
  );
}

function EnginePanel({ row }: { row: CppEngineRow }) {
  const engine = ENGINES[row.id];
  const cpp = row.mallocsPerStep !== null;
  return (
    <div className="cmp-engine" data-testid={engine.testid}>
      <h4>{engine.title}</h4>
      <p className="cmp-big">
        <strong>{micro(row.medianUs)}</strong> µs per step (median)
      </p>
      <p className="cmp-note">
        10–90%: {micro(row.p10Us)} – {micro(row.p90Us)} µs; {count(row.batch)}{' '}
        {row.batch === 1 ? 'step' : 'steps'} a round
      </p>
      <ul>
        <li>{engine.what}</li>
        {cpp && (
          <li data-testid={`${engine.testid}-mallocs`}>
            {count(row.mallocsPerStep ?? 0)} mallocs and {count(row.freesPerStep ?? 0)} frees per
            step (operator new and delete, counted by the program)
          </li>
        )}
        {row.liveBytes !== null && (
          <li>
            {count(row.liveBytes)} bytes{' '}
            {cpp ? 'of heap chunks in use' : 'of arenas (model + scratch)'} after a step;{' '}
            {count(row.growthPerStep ?? 0)} bytes of growth per step
          </li>
        )}
        {row.objectsPerStep !== null && (
          <li>
            {count(row.objectsPerStep)} JS objects per step (counted by the engine); their bytes are
            the collector’s to find
          </li>
        )}
        <li>
          Loss equal to the TypeScript engine’s at {count(row.equalLosses)} of {count(row.compared)}{' '}
          steps
        </li>
      </ul>
    </div>
  );
}
