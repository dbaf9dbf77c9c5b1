/**
 * `cli train`: trains a model on the arena engine (TypeScript), the Wasm engine (the arena
 * engine with its forward and backward in the WebAssembly kernel) or the heap engine and prints one line per
 * step, a table or (with `--json`) `{"step","loss","accuracy","nodes","scratchBytes",
 * "modelBytes","ms"}`. Exit codes: 0 done, 1 the run diverged or did not fit, 2 bad flags.
 */
import { createHeapTrainer, heapTrainStep } from '../core/baseline';
import { DivergenceError } from '../core/divergence';
import { ArenaOverflowError } from '../core/errors';
import { createTrainer, trainStep, type StepReport } from '../core/train';
import { createWasmTrainer, wasmTrainStep } from '../core/wasm';
import { parseTrainArgs, TRAIN_USAGE, TrainArgsError, type TrainArgs } from './trainArgs';

/** Builds the chosen engine and returns a function that runs its next step. */
function stepperOf(args: TrainArgs): () => StepReport {
  if (args.engine === 'heap') {
    const trainer = createHeapTrainer(args.settings);
    return () => heapTrainStep(trainer);
  }
  if (args.engine === 'wasm') {
    const trainer = createWasmTrainer(args.settings);
    return () => wasmTrainStep(trainer);
  }
  const trainer = createTrainer(args.settings);
  return () => trainStep(trainer);
}

function tableLine(r: StepReport, ms: number): string {
  return (
    `step ${String(r.step).padStart(5)}  loss ${r.loss.toFixed(6).padStart(10)}  ` +
    `accuracy ${(r.accuracy * 100).toFixed(1).padStart(5)}%  nodes ${String(r.nodes).padStart(7)}  ` +
    `scratch ${String(r.scratchBytes).padStart(8)} B  model ${String(r.modelBytes).padStart(7)} B  ` +
    `${ms.toFixed(3).padStart(9)} ms`
  );
}

function jsonLine(r: StepReport, ms: number): string {
  const { step, loss, accuracy, nodes, scratchBytes, modelBytes } = r;
  return JSON.stringify({ step, loss, accuracy, nodes, scratchBytes, modelBytes, ms });
}

/** Runs `cli train` with its flags (everything after `train`); returns the exit code. */
export function runTrain(argv: string[]): number {
  let args: TrainArgs;
  try {
    args = parseTrainArgs(argv);
  } catch (error) {
    if (!(error instanceof TrainArgsError)) throw error;
    process.stderr.write(`train: ${error.message}\n${TRAIN_USAGE}\n`);
    return 2;
  }
  try {
    const step = stepperOf(args);
    const format = args.json ? jsonLine : tableLine;
    for (let k = 0; k < args.steps; k++) {
      const start = performance.now();
      const report = step();
      const ms = performance.now() - start;
      process.stdout.write(`${format(report, ms)}\n`);
    }
    return 0;
  } catch (error) {
    const expected =
      error instanceof DivergenceError ||
      error instanceof ArenaOverflowError ||
      error instanceof RangeError;
    if (expected) {
      process.stderr.write(`train: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
