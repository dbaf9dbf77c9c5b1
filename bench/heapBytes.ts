/**
 * `npm run bench:heap-bytes`: bytes of JS heap one HeapValue costs, measured in Node: build one
 * training step's graph on the heap engine (forward, loss, backward) and keep it alive, with a
 * forced collection before and after; the heap's growth divided by the Values made. Stored with
 * the command, Node's version and the machine in bench/data/heap-bytes.json (the page shows it:
 * a worker cannot read its own heap size).
 */
import { writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { MICROGRAD_DEMO } from '../src/core';
import { createHeapTrainer, heapForwardLoss, heapValuesCreated } from '../src/core/baseline';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:heap-bytes)');

const trainer = createHeapTrainer(MICROGRAD_DEMO);
/** One step's graph (forward, loss, backward), built in its own frame so no stale local keeps it. */
function buildStep(): unknown {
  const { loss } = heapForwardLoss(trainer);
  loss.backward();
  return loss;
}

const kept: unknown[] = [null];
const samples: number[] = [];
for (let round = 0; round < 7; round++) {
  kept[0] = null;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const made = heapValuesCreated();
  kept[0] = buildStep();
  const values = heapValuesCreated() - made;
  gc();
  gc();
  samples.push((process.memoryUsage().heapUsed - before) / values);
}
samples.sort((a, b) => a - b);
const data = {
  command: 'npm run bench:heap-bytes',
  how: "heapUsed growth with one step's graph (forward, loss, backward) kept alive, ÷ Values made; median of 7",
  node: process.version,
  machine: `${platform()} ${arch()}, ${cpus()[0]?.model ?? '?'}`,
  valuesPerStep: trainer.report.nodes || 65_481,
  bytesPerValue: Math.round(samples[3]),
};
writeFileSync('bench/data/heap-bytes.json', `${JSON.stringify(data, null, 2)}\n`);
console.log(JSON.stringify(data));
