/**
 * The Wasm engine: the training step of `train/trainStep.ts` with its forward and backward run
 * by the WebAssembly kernel (kernel.wat) over the same records, in the same memory. The inputs,
 * the loss, the update and every check stay TypeScript. Its losses, gradients and weights equal
 * the TypeScript engines' bit for bit (test/core/wasm/).
 *
 * It is the lean TypeScript engine (`TS_ENGINE`) with the kernel's `forwardLayer` and `backward`
 * in place of `forwardLayer` and `sweepRecords`: the same fused forward driver and fused loss (the capacity is
 * checked before each point, so the kernel never traps; a point that does not fit throws the
 * arena's `ArenaOverflowError`), the same sweep over record addresses, the same conditions.
 */
import type { StepReport, Trainer } from '../train/trainer';
import { createTrainer } from '../train/trainer';
import { writeRecordTape, type LayerForward } from '../train/fusedForward';
import {
  canRunFused,
  fusedForwardLoss,
  runStep,
  seedLoss,
  trainStep,
  type StepEngine,
} from '../train/trainStep';
import type { TrainSettings } from '../train/trainSettings';
import { instantiateKernel, type WasmKernel } from './kernel';

/** A trainer whose memory is Wasm-backed, with the kernel over it. */
export interface WasmTrainer extends Trainer {
  readonly kernel: WasmKernel;
  /** The kernel's `forwardLayer` as the fused forward calls it. */
  readonly layer: LayerForward;
}

/** Builds a trainer (as `createTrainer`) on a Wasm-backed memory, with the kernel over it. */
export function createWasmTrainer(settings: TrainSettings): WasmTrainer {
  const trainer = createTrainer(settings, { wasm: true });
  const kernel = instantiateKernel(trainer.memory);
  // The kernel reads the memory itself: the views are not passed on.
  const layer: LayerForward = (_f64, _u32, at, w0, stride, biasOffset, n, m, act, in0, inStride) =>
    kernel.forwardLayer(at, w0, stride, biasOffset, n, m, act, in0, inStride);
  return { ...trainer, kernel, layer };
}

/** The kernel's forward and backward. */
const WASM_ENGINE: StepEngine<WasmTrainer> = {
  forwardLoss: (trainer) => fusedForwardLoss(trainer, trainer.layer),
  writeTape: (trainer, tapeStart) => writeRecordTape(trainer.scratch, tapeStart),
  backward: (trainer, loss) => {
    seedLoss(trainer, loss);
    trainer.kernel.backward(loss >>> 0, trainer.scratch.base);
  },
};

/**
 * One training step on the Wasm engine: `trainStep`'s, with the kernel's forward and backward.
 * Runs the TypeScript step instead when the fused engines cannot run (`canRunFused`: debug mode,
 * whose handle checks the kernel does not make; a scratch arena holding anything but Value
 * records; an MLP not laid out as the kernel expects).
 */
export function wasmTrainStep(trainer: WasmTrainer): StepReport {
  return canRunFused(trainer) ? runStep(trainer, WASM_ENGINE) : trainStep(trainer);
}
