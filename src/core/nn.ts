/**
 * Neuron, Layer and MLP as in the guide and micrograd: weights are Values pushed into the model
 * arena (and a neuron's weight pointers into a `pushArray` there); forward pushes every
 * intermediate into the scratch arena. Forward allocates no JavaScript objects: layer outputs go
 * into buffers made once at construction.
 */
import type { MemoryArena } from './arena';
import { add, mul, relu, tanh } from './ops';
import type { Random } from './random';
import { VALUE_RECORD_SIZE } from './recordLayout';
import { createValue, handleAt, writeLinks, type Value } from './value';

/** A neuron's nonlinearity. */
export type Activation = 'relu' | 'tanh' | 'linear';

/** One neuron: `act(bias + Σ wᵢ·xᵢ)`. */
export interface Neuron {
  /** Address of the array of weight pointers in the model arena (`Value** _weights`). */
  readonly weights: number;
  /** Number of inputs (and weights). */
  readonly inputCount: number;
  /** The bias Value, in the model arena. */
  readonly bias: Value;
  readonly activation: Activation;
}

/** How a neuron's bias starts: 0 as in micrograd, or uniform(−1, 1) as in the guide. */
export type BiasInit = 'zero' | 'uniform';

/** The guide's `Neuron(arena, num_inputs)`: weights uniform in [−1, 1). */
export function createNeuron(
  model: MemoryArena,
  inputCount: number,
  random: Random,
  activation: Activation = 'relu',
  biasInit: BiasInit = 'uniform',
): Neuron {
  const weights = model.pushArray(inputCount);
  for (let i = 0; i < inputCount; i++) {
    const w = createValue(model, random.uniform(-1, 1));
    model.memory.u32[(weights >> 2) + i] = w >>> 0;
  }
  const bias = createValue(model, biasInit === 'zero' ? 0 : random.uniform(-1, 1));
  return { weights, inputCount, bias, activation };
}

/** The handle of a neuron's weight `i`, read from its pointer array. */
export function neuronWeight(model: MemoryArena, neuron: Neuron, i: number): Value {
  const memory = model.memory;
  return handleAt(memory, memory.u32[(neuron.weights >> 2) + i]);
}

/**
 * The guide's `Neuron::forward`: `sum = bias; sum = sum + w[i]*x[i] ...; return act(sum)`.
 * `inputs` holds handles (from `inputOffset`); every node goes into `scratch`: `mul` then `add`
 * per input, then the activation.
 */
export function neuronForward(
  scratch: MemoryArena,
  neuron: Neuron,
  inputs: ArrayLike<Value>,
  inputOffset = 0,
): Value {
  const memory = scratch.memory;
  const n = neuron.inputCount;
  const records = 2 * n + (neuron.activation === 'linear' ? 0 : 1);
  const start = (scratch.base + scratch.used + 7) & ~7;
  if (memory.debug || start + records * VALUE_RECORD_SIZE > scratch.base + scratch.capacity) {
    // Checked path: catches stale handles, and overflows at the exact node that does not fit.
    return neuronForwardChecked(scratch, neuron, inputs, inputOffset);
  }
  // Fast path: room for all of this neuron's records is known, so write the very records
  // mul/add/relu would push, keeping the bump pointer and the running sum in registers.
  // A test checks that the bytes equal those of the checked path. Op codes are literals (a
  // bundled module-level constant is a variable read to V8): see `Op` in ops/opCodes.ts, the
  // table of ops; test/core/nn.test.ts pins each literal to its name there.
  const f64 = memory.f64;
  const u32 = memory.u32;
  const tape = scratch.tape;
  const pointers = neuron.weights >> 2;
  let at = start;
  let tapeLength = scratch.tapeLength;
  let sum = neuron.bias;
  let total = f64[sum >> 3];
  for (let i = 0; i < n; i++) {
    const w = u32[pointers + i];
    const x = inputs[inputOffset + i];
    const product = f64[w >> 3] * f64[x >> 3];
    f64[at >> 3] = product;
    writeLinks(f64, u32, at, 2 /* Op.Mul */, w, x, 2);
    tape[tapeLength++] = at;
    total += product;
    f64[(at + 32) >> 3] = total; // the next record (VALUE_RECORD_SIZE = 32)
    writeLinks(f64, u32, at + 32, 1 /* Op.Add */, sum, at, 2);
    sum = at + 32;
    tape[tapeLength++] = sum;
    at += 64;
  }
  if (neuron.activation !== 'linear') {
    const out = neuron.activation === 'relu' ? (total > 0 ? total : 0) : Math.tanh(total);
    f64[at >> 3] = out;
    writeLinks(
      f64,
      u32,
      at,
      neuron.activation === 'relu' ? 3 /* Op.Relu */ : 8 /* Op.Tanh */,
      sum,
      0,
      1,
    );
    sum = at;
    tape[tapeLength++] = at;
    at += 32;
  }
  scratch.used = at - scratch.base;
  scratch.tapeLength = tapeLength;
  return sum;
}

/** The guide's forward, op by op, with every handle checked (debug mode, and the reference). */
export function neuronForwardChecked(
  scratch: MemoryArena,
  neuron: Neuron,
  inputs: ArrayLike<Value>,
  inputOffset = 0,
): Value {
  const memory = scratch.memory;
  const pointers = neuron.weights >> 2;
  let sum = neuron.bias;
  for (let i = 0; i < neuron.inputCount; i++) {
    const w = handleAt(memory, memory.u32[pointers + i]);
    sum = add(scratch, sum, mul(scratch, w, inputs[inputOffset + i]));
  }
  if (neuron.activation === 'relu') return relu(scratch, sum);
  if (neuron.activation === 'tanh') return tanh(scratch, sum);
  return sum;
}

/** A layer of neurons sharing inputs; `outputs` is reused by every forward. */
export interface Layer {
  readonly neurons: readonly Neuron[];
  readonly outputs: Value[];
}

/** A multi-layer perceptron, e.g. sizes `[2, 16, 16, 1]`. */
export interface MLP {
  readonly sizes: readonly number[];
  readonly layers: readonly Layer[];
  /** Addresses of every weight and bias, in creation order. */
  readonly parameters: Uint32Array;
}

/** Options for {@link createMLP}. */
export interface MLPOptions {
  /** Hidden layers' nonlinearity (default relu). */
  activation?: Activation;
  /** Output layer's nonlinearity (default linear, as in micrograd). */
  outputActivation?: Activation;
  /** Bias initialisation (default zero, as in micrograd). */
  biasInit?: BiasInit;
}

/** Builds an MLP with every weight in `model`. Parameters come from `random` in order. */
export function createMLP(
  model: MemoryArena,
  sizes: readonly number[],
  random: Random,
  options: MLPOptions = {},
): MLP {
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new RangeError(`MLP sizes must be at least two positive integers, got [${sizes}]`);
  }
  const layers: Layer[] = [];
  const parameters: number[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const last = l + 2 === sizes.length;
    const activation = last
      ? (options.outputActivation ?? 'linear')
      : (options.activation ?? 'relu');
    const neurons: Neuron[] = [];
    for (let j = 0; j < sizes[l + 1]; j++) {
      const neuron = createNeuron(model, sizes[l], random, activation, options.biasInit ?? 'zero');
      for (let i = 0; i < sizes[l]; i++)
        parameters.push(model.memory.u32[(neuron.weights >> 2) + i]);
      parameters.push(neuron.bias >>> 0);
      neurons.push(neuron);
    }
    layers.push({ neurons, outputs: new Array<Value>(sizes[l + 1]).fill(0) });
  }
  return { sizes: [...sizes], layers, parameters: Uint32Array.from(parameters) };
}

/**
 * Forward pass of one input vector (handles at `inputs[inputOffset..]`). Returns the last
 * layer's output buffer, which the next call overwrites: read it before.
 */
export function mlpForward(
  scratch: MemoryArena,
  mlp: MLP,
  inputs: ArrayLike<Value>,
  inputOffset = 0,
): Value[] {
  let current: ArrayLike<Value> = inputs;
  let offset = inputOffset;
  for (const layer of mlp.layers) {
    const { neurons, outputs } = layer;
    for (let j = 0; j < neurons.length; j++) {
      outputs[j] = neuronForward(scratch, neurons[j], current, offset);
    }
    current = outputs;
    offset = 0;
  }
  return mlp.layers[mlp.layers.length - 1].outputs;
}
