/** The Wasm engine: the kernel over a Wasm-backed memory, and its training step. */
export { instantiateKernel, type WasmKernel } from './kernel';
export { createWasmTrainer, wasmTrainStep, type WasmTrainer } from './wasmStep';
