/**
 * The WebAssembly kernel (kernel.wat), instantiated over a Wasm-backed {@link Memory}: its
 * linear memory is the engine's memory, so the records it writes are the bytes the views, the
 * memory inspector and the TypeScript ops read, in place.
 */
import type { Memory } from '../memory';
import { KERNEL_BYTES } from './kernelBytes.generated';

/** The kernel's exports (see kernel.wat for what each does). */
export interface WasmKernel {
  /** Writes a layer's forward records from `at`; returns the address after the last one. */
  forwardLayer(
    at: number,
    weights0: number,
    neuronStride: number,
    biasOffset: number,
    inputCount: number,
    neuronCount: number,
    activation: number,
    input0: number,
    inputStride: number,
  ): number;
  /** Applies the gradient rules of the records at `from`, `from − 32`, … down to `downTo`. */
  backward(from: number, downTo: number): void;
}

let compiled: WebAssembly.Module | null = null;

/**
 * Instantiates the kernel over `memory`, which must be Wasm-backed (`new Memory({ wasm: true })`).
 * Compiles the module once per JavaScript realm (synchronously: it is about 1 KiB).
 */
export function instantiateKernel(memory: Memory): WasmKernel {
  if (memory.wasmMemory === null) {
    throw new Error('the Wasm kernel needs a Wasm-backed memory: new Memory({ wasm: true })');
  }
  compiled ??= new WebAssembly.Module(KERNEL_BYTES);
  const instance = new WebAssembly.Instance(compiled, {
    env: { memory: memory.wasmMemory },
    math: { tanh: Math.tanh, pow: Math.pow, sin: Math.sin, cos: Math.cos },
  });
  return instance.exports as unknown as WasmKernel;
}
