/**
 * The run a C++ module trains: the spec cpp/spec.h reads (model shape, loss, data, initial
 * weights, as one array of doubles), made from training settings with the data and the first
 * weights every TypeScript engine starts from, so all of them train on the same numbers.
 */
import type { Activation } from '../nn';
import { createMLP } from '../nn';
import { Memory } from '../memory';
import { createRandom } from '../random';
import { trainingData } from '../train/trainer';
import { weightSeed, type TrainSettings } from '../train/trainSettings';

/** The settings the C++ engines do not cover (they have relu and linear neurons only). */
export class CppSpecError extends RangeError {
  override readonly name = 'CppSpecError';
}

function activationCode(activation: Activation): number {
  if (activation === 'linear') return 0;
  if (activation === 'relu') return 1;
  throw new CppSpecError(
    `the C++ engines have relu and linear neurons only, not ${activation} (C++'s tanh is ` +
      `not JavaScript's to the bit)`,
  );
}

/** Every weight and bias the TypeScript engines start from, in creation order. */
export function initialWeights(settings: TrainSettings): Float64Array {
  const memory = new Memory();
  const model = memory.addArena('model', settings.modelBytes);
  const mlp = createMLP(model, settings.sizes, createRandom(weightSeed(settings.seed)), {
    activation: settings.activation,
    outputActivation: settings.outputActivation,
    biasInit: settings.biasInit,
  });
  return Float64Array.from(mlp.parameters, (address) => memory.f64[address >> 3]);
}

/** The spec of a run (layout: cpp/spec.h). Throws {@link CppSpecError} for tanh neurons. */
export function cppSpecOf(settings: TrainSettings): Float64Array {
  const dataset = trainingData(settings);
  const weights = initialWeights(settings);
  const sizes = settings.sizes;
  return Float64Array.from([
    sizes.length - 1,
    ...sizes,
    activationCode(settings.activation),
    activationCode(settings.outputActivation),
    settings.loss === 'hinge' ? 0 : 1,
    settings.l2,
    dataset.count,
    dataset.dims,
    settings.modelBytes,
    settings.scratchBytes,
    settings.lossLimit,
    ...dataset.x,
    ...dataset.y,
    ...weights,
  ]);
}
