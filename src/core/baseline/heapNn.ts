/**
 * Neuron, Layer and MLP of the "before" engine, as in micrograd's `nn.py`: weights are
 * HeapValues drawn from the generator in the same order as `createMLP` (per neuron: its
 * weights, then its bias), so both engines start from the same model.
 */
import type { Activation, BiasInit, MLPOptions } from '../nn';
import type { Random } from '../random';
import { heapCounts } from './heapCounts';
import { HeapValue } from './heapValue';

/** One neuron: `act(bias + Σ wᵢ·xᵢ)`. */
export class HeapNeuron {
  readonly w: HeapValue[] = [];
  readonly b: HeapValue;

  constructor(
    inputCount: number,
    random: Random,
    readonly activation: Activation = 'relu',
    biasInit: BiasInit = 'uniform',
  ) {
    for (let i = 0; i < inputCount; i++) this.w.push(new HeapValue(random.uniform(-1, 1)));
    this.b = new HeapValue(biasInit === 'zero' ? 0 : random.uniform(-1, 1));
  }

  /** `sum = b; sum = sum + w[i]*x[i] ...; return act(sum)`. */
  forward(x: HeapValue[]): HeapValue {
    let sum = this.b;
    for (let i = 0; i < this.w.length; i++) sum = sum.add(this.w[i].mul(x[i]));
    if (this.activation === 'relu') return sum.relu();
    if (this.activation === 'tanh') return sum.tanh();
    return sum;
  }

  /** Weights, then bias. */
  parameters(): HeapValue[] {
    return [...this.w, this.b];
  }
}

/** A layer of neurons sharing inputs. */
export class HeapLayer {
  readonly neurons: HeapNeuron[] = [];

  constructor(
    inputCount: number,
    outputCount: number,
    random: Random,
    activation: Activation,
    biasInit: BiasInit,
  ) {
    for (let j = 0; j < outputCount; j++) {
      this.neurons.push(new HeapNeuron(inputCount, random, activation, biasInit));
    }
  }

  forward(x: HeapValue[]): HeapValue[] {
    heapCounts.arrays++;
    return this.neurons.map((n) => n.forward(x));
  }

  parameters(): HeapValue[] {
    return this.neurons.flatMap((n) => n.parameters());
  }
}

/** A multi-layer perceptron, e.g. sizes `[2, 16, 16, 1]`; same options as `createMLP`. */
export class HeapMLP {
  readonly layers: HeapLayer[] = [];

  constructor(
    readonly sizes: readonly number[],
    random: Random,
    options: MLPOptions = {},
  ) {
    if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new RangeError(`MLP sizes must be at least two positive integers, got [${sizes}]`);
    }
    for (let l = 0; l + 1 < sizes.length; l++) {
      const last = l + 2 === sizes.length;
      const activation = last
        ? (options.outputActivation ?? 'linear')
        : (options.activation ?? 'relu');
      this.layers.push(
        new HeapLayer(sizes[l], sizes[l + 1], random, activation, options.biasInit ?? 'zero'),
      );
    }
  }

  /** The output layer's values for one input vector. */
  forward(x: HeapValue[]): HeapValue[] {
    let current = x;
    for (const layer of this.layers) current = layer.forward(current);
    return current;
  }

  /** Every weight and bias, in creation order. */
  parameters(): HeapValue[] {
    return this.layers.flatMap((l) => l.parameters());
  }
}
