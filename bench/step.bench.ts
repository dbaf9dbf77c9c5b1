/**
 * The micrograd demo step (2-16-16-1 on 100 moons, full batch, hinge + L2) on the arena engine
 * (TypeScript), the Wasm engine and the heap engine, interleaved, after warm-up, with the
 * guide's C++ run between rounds; then GC count and heap growth over 1,000 steady-state steps
 * of each arena engine. `npm run bench [-- --json]`. See bench/README.md.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { createHeapTrainer, heapTrainStep } from '../src/core/baseline';
import {
  createTrainer,
  MICROGRAD_DEMO,
  OP_BY_OP_ENGINE,
  runStep,
  trainStep,
  type StepReport,
} from '../src/core/train';
import { evaluateGrid, gridFor } from '../src/core/boundaryGrid';
import { fusedGrid } from '../src/core/train/fusedGrid';
import { createWasmTrainer, wasmTrainStep } from '../src/core/wasm';
import { buildGuideCpp, runGuideCpp, type CppTiming } from './guideCpp';

const ROUNDS = 21; // timed rounds per engine, alternating A, B, A, B, ...
const ARENA_STEPS_PER_ROUND = 200;
const HEAP_STEPS_PER_ROUND = 10;
const ARENA_WARMUP_STEPS = 1_000;
const HEAP_WARMUP_STEPS = 30;
const STEADY_STEPS = 1_000;
const CPP_STEPS_PER_ROUND = 400;
const CPP_ROUNDS = 5; // spread across the JS rounds

interface EngineTiming {
  usPerStep: number;
  nsPerNode: number;
}

function exposedGc(): () => void {
  const gc = globalThis.gc;
  if (gc === undefined) {
    console.error('run with node --expose-gc (npm run bench does)');
    process.exit(2);
  }
  return () => void gc();
}
const gc = exposedGc();
const json = process.argv.includes('--json');
const log = (line: string): void => {
  if (!json) console.log(line);
};

/**
 * Runs `steps` steps and returns the mean wall time per step in µs. With `warmUp`, a quarter
 * as many untimed steps come first (as the C++ yardstick does), so that a round of an arena
 * engine does not pay to bring its memory back into the cache after the heap engine's round.
 */
function timeRound(step: () => StepReport, steps: number, warmUp = false): number {
  for (let k = 0; warmUp && k < steps / 4; k++) step();
  const start = performance.now();
  for (let k = 0; k < steps; k++) step();
  return ((performance.now() - start) * 1000) / steps;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The median of the per-round ratios `a[r] / b[r]` (rounds run side by side). */
function pairRatio(a: number[], b: number[]): number {
  return median(a.map((x, r) => x / b[r]));
}

function timingOf(rounds: number[], nodes: number): EngineTiming {
  const usPerStep = median(rounds);
  return { usPerStep, nsPerNode: (usPerStep * 1000) / nodes };
}

/** Waits for the event loop to turn, so that queued performance entries are delivered. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * GCs and heap growth over `steps` steps: a forced collection, then `heapUsed` before and
 * after the steps. With no GC in between, the growth bounds what the steps allocated (it also
 * holds whatever V8 itself allocates meanwhile, such as compiled code).
 */
async function steadyState(step: () => StepReport, steps: number) {
  let gcCount = 0;
  const observer = new PerformanceObserver((list) => {
    gcCount += list.getEntries().length;
  });
  gc();
  await tick();
  const before = process.memoryUsage().heapUsed;
  observer.observe({ entryTypes: ['gc'] });
  for (let k = 0; k < steps; k++) step();
  const after = process.memoryUsage().heapUsed;
  await tick();
  observer.disconnect();
  return { steps, gcCount, heapGrowthBytes: after - before };
}

const GRID_ROUNDS = 9;

/**
 * The worker's decision boundary: `evaluateGrid` (op by op) and `fusedGrid` (the kernel's layer
 * forward) on the same trained model, interleaved; medians of ms per grid and per-pair ratio.
 */
function timeBoundary(trainer: ReturnType<typeof createWasmTrainer>) {
  const grid = gridFor(trainer.dataset);
  const out = new Float32Array(grid.size * grid.size);
  const time = (run: () => void): number => {
    const start = performance.now();
    for (let k = 0; k < 5; k++) run();
    return (performance.now() - start) / 5;
  };
  const opByOp: number[] = [];
  const fused: number[] = [];
  for (let r = 0; r < GRID_ROUNDS; r++) {
    opByOp.push(time(() => evaluateGrid(trainer.scratch, trainer.mlp, grid, out)));
    fused.push(time(() => fusedGrid(trainer, trainer.layer, grid, out)));
  }
  return {
    evaluateGridMs: median(opByOp),
    fusedGridMs: median(fused),
    ratio: pairRatio(opByOp, fused),
  };
}

async function main(): Promise<void> {
  const arena = createTrainer(MICROGRAD_DEMO);
  const opByOp = createTrainer(MICROGRAD_DEMO);
  const wasm = createWasmTrainer(MICROGRAD_DEMO);
  const heap = createHeapTrainer(MICROGRAD_DEMO);
  const arenaStep = () => trainStep(arena);
  const opByOpStep = () => runStep(opByOp, OP_BY_OP_ENGINE);
  const wasmStep = () => wasmTrainStep(wasm);
  const heapStep = () => heapTrainStep(heap);

  log(`micrograd demo step: ${MICROGRAD_DEMO.sizes.join('-')} MLP, ${MICROGRAD_DEMO.points} moons`);
  log(
    `warm-up: ${ARENA_WARMUP_STEPS} arena (lean and op by op) and wasm steps, ${HEAP_WARMUP_STEPS} heap steps`,
  );
  timeRound(arenaStep, ARENA_WARMUP_STEPS);
  timeRound(opByOpStep, ARENA_WARMUP_STEPS);
  timeRound(wasmStep, ARENA_WARMUP_STEPS);
  timeRound(heapStep, HEAP_WARMUP_STEPS);
  const nodes = arenaStep().nodes;
  const counts = [opByOpStep().nodes, wasmStep().nodes, heapStep().nodes];
  if (counts.some((n) => n !== nodes)) throw new Error(`node counts differ: ${nodes}, ${counts}`);

  log(
    `${ROUNDS} interleaved rounds (arena, op by op and wasm ${ARENA_STEPS_PER_ROUND} steps, heap ` +
      `${HEAP_STEPS_PER_ROUND} steps each)`,
  );
  const cpp = buildGuideCpp();
  const cppRounds: CppTiming[] = [];
  const cppPairs: { arena: number; wasm: number }[] = [];
  const arenaRounds: number[] = [];
  const opByOpRounds: number[] = [];
  const wasmRounds: number[] = [];
  const heapRounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const withCpp = 'binary' in cpp && r % Math.ceil(ROUNDS / CPP_ROUNDS) === 0;
    if (withCpp) cppRounds.push(runGuideCpp(cpp.binary, CPP_STEPS_PER_ROUND));
    // Each round starts from a collected heap, so no engine pays for another's garbage.
    gc();
    arenaRounds.push(timeRound(arenaStep, ARENA_STEPS_PER_ROUND, true));
    gc();
    opByOpRounds.push(timeRound(opByOpStep, ARENA_STEPS_PER_ROUND, true));
    gc();
    wasmRounds.push(timeRound(wasmStep, ARENA_STEPS_PER_ROUND, true));
    gc();
    heapRounds.push(timeRound(heapStep, HEAP_STEPS_PER_ROUND));
    if (withCpp) cppPairs.push({ arena: arenaRounds[r], wasm: wasmRounds[r] });
  }
  const arenaTiming = timingOf(arenaRounds, nodes);
  const opByOpTiming = timingOf(opByOpRounds, nodes);
  const wasmTiming = timingOf(wasmRounds, nodes);
  const heapTiming = timingOf(heapRounds, nodes);
  const speedup = heapTiming.usPerStep / arenaTiming.usPerStep;
  const ratios = {
    heapVsArena: pairRatio(heapRounds, arenaRounds),
    heapVsWasm: pairRatio(heapRounds, wasmRounds),
    wasmVsArena: pairRatio(wasmRounds, arenaRounds),
    opByOpVsArena: pairRatio(opByOpRounds, arenaRounds),
    arenaVsGuideCpp: null as number | null,
    wasmVsGuideCpp: null as number | null,
  };
  const cppUs = cppRounds.map((c) => c.usPerStep);
  const guideCpp = cppRounds.length > 0 ? timingOf(cppUs, nodes) : null;
  if (guideCpp) {
    ratios.arenaVsGuideCpp = pairRatio(
      cppPairs.map((p) => p.arena),
      cppUs,
    );
    ratios.wasmVsGuideCpp = pairRatio(
      cppPairs.map((p) => p.wasm),
      cppUs,
    );
  }
  const steady = await steadyState(arenaStep, STEADY_STEPS);
  const wasmSteady = await steadyState(wasmStep, STEADY_STEPS);
  const boundary = timeBoundary(wasm);
  const arenaVsGuideCpp = guideCpp ? arenaTiming.usPerStep / guideCpp.usPerStep : null;
  const wasmVsGuideCpp = guideCpp ? wasmTiming.usPerStep / guideCpp.usPerStep : null;

  if (json) {
    const result = {
      arena: arenaTiming,
      opByOp: opByOpTiming,
      wasm: wasmTiming,
      heap: heapTiming,
      speedup,
      steadyState: steady,
      wasmSteadyState: wasmSteady,
      guideCpp,
      arenaVsGuideCpp,
      wasmVsGuideCpp,
      pairRatios: ratios,
      boundary,
    };
    console.log(JSON.stringify(result));
    return;
  }
  const row = (name: string, t: EngineTiming) =>
    `  ${name.padEnd(6)} ${t.usPerStep.toFixed(1).padStart(10)} µs/step ${t.nsPerNode.toFixed(2).padStart(9)} ns/node`;
  const times = (x: number | null) => (x === null ? '-' : `${x.toFixed(2)}×`);
  log(`nodes per step: ${nodes}`);
  log('median over rounds:');
  log(row('arena', arenaTiming) + '   (the lean TypeScript step, trainStep)');
  log(row('op-op', opByOpTiming) + '   (the same step op by op, along the tape: the reference)');
  log(row('wasm', wasmTiming));
  log(row('heap', heapTiming));
  if (guideCpp) {
    log(row('C++', guideCpp) + '   (the guide, g++ -O2, bench/cpp/guide_step.cpp)');
    log(
      `arena / guide's C++: ${times(arenaVsGuideCpp)} (per pair ${times(ratios.arenaVsGuideCpp)}); ` +
        `wasm / guide's C++: ${times(wasmVsGuideCpp)} (per pair ${times(ratios.wasmVsGuideCpp)})`,
    );
  } else if ('reason' in cpp) {
    log(`guide's C++ yardstick skipped: ${cpp.reason}`);
  }
  log(
    `speedup (heap / arena): ${speedup.toFixed(1)}× (per pair ${ratios.heapVsArena.toFixed(1)}×); ` +
      `heap / wasm per pair ${ratios.heapVsWasm.toFixed(1)}×; wasm / arena per pair ` +
      `${ratios.wasmVsArena.toFixed(2)}×; op by op / arena per pair ${ratios.opByOpVsArena.toFixed(2)}×`,
  );
  log(
    `decision boundary (${GRID_ROUNDS} interleaved rounds, 48 × 48 cells): evaluateGrid ` +
      `${boundary.evaluateGridMs.toFixed(1)} ms, fusedGrid with the kernel ` +
      `${boundary.fusedGridMs.toFixed(1)} ms (per pair ${boundary.ratio.toFixed(1)}×)`,
  );
  for (const [name, s] of [
    ['arena', steady],
    ['wasm', wasmSteady],
  ] as const) {
    log(
      `steady state, ${s.steps} ${name} steps: ${s.gcCount} GCs, heap growth ${s.heapGrowthBytes} bytes`,
    );
  }
}

await main();
