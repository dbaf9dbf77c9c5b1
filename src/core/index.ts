/**
 * arenagrad's engine: the public API. Pure TypeScript: no DOM, no UI libraries.
 *
 * ```ts
 * const memory = new Memory();
 * const model = memory.addArena('model', MB(1));
 * const scratch = memory.addArena('scratch', MB(4));
 * const neuron = createNeuron(model, 3, createRandom(1));
 * for (let epoch = 0; epoch < 1000; epoch++) {
 *   const checkpoint = scratch.mark();
 *   const inputs = [1, 2, 3].map((x) => createValue(scratch, x));
 *   const out = neuronForward(scratch, neuron, inputs);
 *   zeroGrad(model);
 *   backward(scratch, out);
 *   // SGD: for each weight w: setValue(model, w, getValue(model, w) - lr * getGrad(model, w))
 *   checkpoint.end();
 * }
 * ```
 */
export * from './recordLayout';
export * from './ops';
export * from './errors';
export { Memory, MB, KB, NULL_GUARD_BYTES, type MemoryOptions } from './memory';
export {
  MemoryArena,
  Checkpoint,
  alignUp,
  EPOCH_MODULUS,
  type ArenaState,
  type ResetRecord,
} from './arena';
export {
  type Value,
  createValue,
  pushLeaves,
  getValue,
  getGrad,
  setValue,
  setGrad,
  getOp,
  getParents,
  addressOf,
  handleAt,
  checkLive,
} from './value';
export {
  valueAt,
  gradientAt,
  setValueAt,
  setGradientAt,
  parentAt,
  parentCountAt,
  opAt,
  pointerAt,
} from './record';
export {
  backward,
  zeroGrad,
  tapeIndexOf,
  createSweep,
  sweepNext,
  sweepDone,
  type SweepCursor,
} from './backward';
export { createRandom, type Random } from './random';
export { ulpOf, unitsInLastPlace } from './lastPlace';
export {
  createPythonRandom,
  pythonRandomFromKey,
  pythonSeedKey,
  type PythonRandom,
} from './pythonRandom';
export { NOTEBOOK_LOSSES, NOTEBOOK_ACCURACY_PERCENT } from './data/microgradNotebook';
export * from './nn';
export * from './datasets';
export * from './loss';
export * from './train';
export { DivergenceError } from './divergence';
export type { DisplayPhase } from './displayPhase';
export * from './expr';
export * from './boundaryGrid';
export { readParameters, writeParameters } from './parameters';
export * from './guide';
export * from './wasm';
export * from './answers';
export * from './predict';
