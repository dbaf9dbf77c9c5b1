/**
 * `npm run bench:cpp`: the five engines of Before vs after's C++ rows (the guide's C++ before
 * and after compiled to WebAssembly, this engine's TypeScript step and Wasm kernel, the JS heap
 * engine) timed in one interleaved run in Node, exactly as the page's C++ worker times them
 * (`CppTimingCore`), on micrograd's demo and on the guide's neuron. Prints µs per step, the C++
 * mallocs and frees per step, and the per-pair ratios. `-- --json` prints one JSON line.
 */
import { CppTimingCore } from '../src/session/compare/cppTimingCore';
import type { CppTimingSummary, CppWorkloadKind } from '../src/session/compare/cppProtocol';

const ROUNDS: Record<CppWorkloadKind, number> = { demo: 15, neuron: 25 };

function time(kind: CppWorkloadKind): CppTimingSummary {
  const core = new CppTimingCore(1, kind, ROUNDS[kind], () => performance.now());
  while (core.batch());
  return core.summary();
}

const results = (['demo', 'neuron'] as const).map(time);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ node: process.version, results }));
} else {
  for (const s of results) {
    console.log(
      `${s.kind}: ${s.rounds} rounds (2 warm-up), ${s.nodes} Values per step, Node ${process.version}`,
    );
    for (const r of s.rows) {
      const mallocs =
        r.mallocsPerStep === null
          ? ''
          : `  ${r.mallocsPerStep.toFixed(0)} mallocs, ${r.freesPerStep?.toFixed(0)} frees per step`;
      console.log(
        `  ${r.id.padEnd(10)} ${r.medianUs.toPrecision(4).padStart(10)} µs/step  (10–90%: ${r.p10Us.toPrecision(3)}–${r.p90Us.toPrecision(3)})  losses equal ${r.equalLosses}/${r.compared}${mallocs}`,
      );
    }
    console.log(
      `  per pair: ${s.ratios.map((p) => `${p.slower}/${p.faster} ${p.ratio.toPrecision(3)}×`).join(', ')}`,
    );
    if (s.error) console.log(`  error: ${s.error}`);
  }
}
