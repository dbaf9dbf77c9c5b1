/**
 * The page side of `npm run bench:browser`: the demo step on the lean TypeScript engine, the
 * op-by-op one and the Wasm engine, 1,000 warm-up steps each, then 11 interleaved rounds of 200
 * steps; leaves the medians (µs per step) in `globalThis.BENCH_RESULT`.
 */
import {
  createTrainer,
  MICROGRAD_DEMO,
  OP_BY_OP_ENGINE,
  runStep,
  trainStep,
} from '../src/core/train';
import { createWasmTrainer, wasmTrainStep } from '../src/core/wasm';

const lean = createTrainer(MICROGRAD_DEMO);
const opByOp = createTrainer(MICROGRAD_DEMO);
const wasm = createWasmTrainer(MICROGRAD_DEMO);
const engines: [string, () => unknown][] = [
  ['lean', () => trainStep(lean)],
  ['opByOp', () => runStep(opByOp, OP_BY_OP_ENGINE)],
  ['wasm', () => wasmTrainStep(wasm)],
];

function time(step: () => unknown, steps: number): number {
  for (let k = 0; k < steps / 4; k++) step();
  const start = performance.now();
  for (let k = 0; k < steps; k++) step();
  return ((performance.now() - start) * 1000) / steps;
}

for (const [, step] of engines) time(step, 1000);
const rounds: Record<string, number[]> = {};
for (let r = 0; r < 11; r++)
  for (const [name, step] of engines) (rounds[name] ??= []).push(time(step, 200));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
(globalThis as { BENCH_RESULT?: unknown }).BENCH_RESULT = {
  userAgent: navigator.userAgent,
  usPerStep: Object.fromEntries(Object.entries(rounds).map(([name, xs]) => [name, median(xs)])),
};
