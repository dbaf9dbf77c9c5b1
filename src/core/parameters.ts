/**
 * A model's parameters as one flat array of doubles, in the MLP's creation order: what the
 * history keeps per step and what the worker sends back (as a transferable buffer).
 */
import type { Memory } from './memory';
import type { MLP } from './nn';

/** Copies every parameter's value out of `memory` into `out` (allocated when not given). */
export function readParameters(memory: Memory, mlp: MLP, out?: Float64Array): Float64Array {
  const params = mlp.parameters;
  const into = out ?? new Float64Array(params.length);
  const f64 = memory.f64;
  for (let i = 0; i < params.length; i++) into[i] = f64[params[i] >> 3];
  return into;
}

/** Writes `values` into the parameters' value fields (gradients are left alone). */
export function writeParameters(memory: Memory, mlp: MLP, values: ArrayLike<number>): void {
  const params = mlp.parameters;
  if (values.length !== params.length) {
    throw new RangeError(`expected ${params.length} parameter values, got ${values.length}`);
  }
  const f64 = memory.f64;
  for (let i = 0; i < params.length; i++) f64[params[i] >> 3] = values[i];
}
