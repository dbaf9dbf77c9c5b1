/**
 * A model's weights as a JSON file, and back. Reading checks everything before anything is
 * written: the file's size, the JSON itself (with the line and column of a syntax error), the
 * format and version, the shape against the model on hand, and that every number is a finite
 * number. Layers, neurons and weights are numbered from 1 in messages, as a reader counts them.
 *
 * The file is untrusted: every message is short whatever it holds (values are cut to
 * {@link MAX_SHOWN} characters, lists and objects are named, never printed), and nothing here
 * recurses into the data, so a list nested 10,000 deep is refused like any other bad value.
 */
import { MB } from '../memory';
import type { Activation } from '../nn';
import type { Trainer } from '../train';
import { handleAt, setValue } from '../value';

/** The `format` field of a weights file. */
export const WEIGHTS_FORMAT = 'arenagrad-weights';
/** The version this code writes and reads. */
export const WEIGHTS_VERSION = 1;
/** At most this many problems are listed; the rest are counted. */
const MAX_ERRORS = 8;
/**
 * The largest weights file read, in bytes (the UI checks `file.size`; {@link parseWeights}
 * checks the text's length, which is never more than its UTF-8 size). The workbench's largest
 * model, 2-32-32-32-32-1, exports to about 92 KB (158 KB indented by 4): 1 MiB leaves room for
 * any reformatting and refuses a 50 MB file before parsing it.
 */
export const MAX_WEIGHTS_FILE_BYTES = MB(1);
/** At most this many entries in a file's `sizes` (inputs, hidden layers, outputs). */
export const MAX_WEIGHTS_SIZES = 8;
/** The largest entry of a file's `sizes`. The workbench's layers have at most 32 neurons. */
export const MAX_WEIGHTS_LAYER_SIZE = 1024;
/** Longest text from the file quoted in a message. */
const MAX_SHOWN = 40;

/** A weights file. */
export interface WeightsFile {
  format: typeof WEIGHTS_FORMAT;
  version: typeof WEIGHTS_VERSION;
  /** Layer sizes, inputs first: `[2, 16, 16, 1]`. */
  sizes: number[];
  /** Hidden layers' nonlinearity. */
  activation: Activation;
  /** One entry per layer of neurons (not the inputs). */
  layers: { neurons: { weights: number[]; bias: number }[] }[];
  /** Steps the model had taken, and its seed (informative). */
  step?: number;
  seed?: number;
}

/** What {@link parseWeights} found. */
export type ParsedWeights =
  { ok: true; values: Float64Array; file: WeightsFile } | { ok: false; errors: string[] };

/** The part of a trainer the codec reads and writes. */
export type WeightsOwner = Pick<Trainer, 'memory' | 'model' | 'mlp' | 'step' | 'settings'>;

/** The trainer's weights and biases, layer by layer, neuron by neuron. */
export function exportWeights(trainer: WeightsOwner): WeightsFile {
  const { mlp, memory } = trainer;
  const f64 = memory.f64;
  let k = 0;
  const next = (): number => f64[mlp.parameters[k++] >> 3];
  const layers = mlp.layers.map((layer, l) => ({
    neurons: layer.neurons.map(() => {
      const weights = Array.from({ length: mlp.sizes[l] }, next);
      return { weights, bias: next() };
    }),
  }));
  return {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    sizes: [...mlp.sizes],
    activation: trainer.settings.activation,
    layers,
    step: trainer.step,
    seed: trainer.settings.seed,
  };
}

/**
 * Reads a weights file for a model of `expectedSizes` (and, if given, `expectedActivation`).
 * On success, `values` holds every parameter in the order of `mlp.parameters`.
 */
export function parseWeights(
  text: string,
  expectedSizes: readonly number[],
  expectedActivation?: Activation,
): ParsedWeights {
  if (text.length > MAX_WEIGHTS_FILE_BYTES) {
    const error =
      `the file is too large (${text.length} characters): a weights file has at most ` +
      `${MAX_WEIGHTS_FILE_BYTES} (${MAX_WEIGHTS_FILE_BYTES / MB(1)} MiB)`;
    return { ok: false, errors: [error] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonError(text, error)] };
  }
  if (!isObject(data)) return { ok: false, errors: ['the file is not a JSON object'] };
  const errors: string[] = [];
  if (data.format !== WEIGHTS_FORMAT) {
    const found = data.format === undefined ? 'no format field' : `format ${show(data.format)}`;
    return { ok: false, errors: [`not an arenagrad weights file (${found})`] };
  }
  if (data.version !== WEIGHTS_VERSION) {
    return {
      ok: false,
      errors: [`version ${show(data.version)} is not supported (this page reads version 1)`],
    };
  }
  const sizes = data.sizes === undefined ? undefined : checkSizes(data.sizes);
  if (typeof sizes === 'string') errors.push(sizes);
  const want = expectedSizes.join('-');
  if (Array.isArray(sizes) && sizes.join('-') !== want)
    errors.push(`the file is for a ${sizes.join('-')} model, this model is ${want}`);
  if (expectedActivation && data.activation !== undefined && data.activation !== expectedActivation)
    errors.push(
      `the file's activation is ${show(data.activation)}, the model uses ${expectedActivation}`,
    );
  if (!Array.isArray(data.layers)) {
    errors.push('no "layers" list');
    return { ok: false, errors };
  }
  const layerCount = expectedSizes.length - 1;
  if (data.layers.length !== layerCount) {
    errors.push(`the file has ${data.layers.length} layers, the model has ${layerCount}`);
    return { ok: false, errors };
  }
  const values = new Float64Array(countParameters(expectedSizes));
  let k = 0;
  const read = (x: unknown, where: string): void => {
    if (typeof x !== 'number') errors.push(`${where} is ${show(x)}, not a number`);
    else if (!Number.isFinite(x)) errors.push(`${where} is ${x}, not a finite number`);
    values[k++] = typeof x === 'number' ? x : NaN;
  };
  data.layers.forEach((layer: unknown, l: number) => {
    const name = `layer ${l + 1}`;
    const neurons = isObject(layer) ? layer.neurons : undefined;
    if (!Array.isArray(neurons)) return void errors.push(`${name} has no "neurons" list`);
    const count = expectedSizes[l + 1];
    if (neurons.length !== count)
      return void errors.push(`${name} has ${neurons.length} neurons, the model has ${count}`);
    neurons.forEach((neuron: unknown, j: number) => {
      const where = `${name} neuron ${j + 1}`;
      const weights = isObject(neuron) ? neuron.weights : undefined;
      if (!isObject(neuron) || !Array.isArray(weights))
        return void errors.push(`${where} has no "weights" list`);
      if (weights.length !== expectedSizes[l])
        return void errors.push(
          `${where} has ${weights.length} weights, the model's has ${expectedSizes[l]}`,
        );
      weights.forEach((w: unknown, i: number) => read(w, `${where} weight ${i + 1}`));
      read(neuron.bias, `${where} bias`);
    });
  });
  if (errors.length > 0) return { ok: false, errors: capped(errors) };
  return { ok: true, values, file: data as unknown as WeightsFile };
}

/** Writes `values` (in the order of `mlp.parameters`) into the model arena. */
export function applyWeights(trainer: WeightsOwner, values: Float64Array): void {
  const { mlp, model, memory } = trainer;
  if (values.length !== mlp.parameters.length)
    throw new RangeError(`${values.length} values for ${mlp.parameters.length} parameters`);
  for (const x of values) if (!Number.isFinite(x)) throw new RangeError(`${x} is not finite`);
  mlp.parameters.forEach((address, k) => setValue(model, handleAt(memory, address), values[k]));
}

/** Weights and biases of a model of `sizes`. */
export function countParameters(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += (sizes[l] + 1) * sizes[l + 1];
  return n;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * A file's `sizes` if it is a short list of small positive integers, else why not. Checked
 * before anything formats it: `join` on a list nested 10,000 deep overflows the stack.
 */
function checkSizes(sizes: unknown): number[] | string {
  const wanted =
    `"sizes" must be a list of 2 to ${MAX_WEIGHTS_SIZES} whole numbers from 1 to ` +
    `${MAX_WEIGHTS_LAYER_SIZE}`;
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.length > MAX_WEIGHTS_SIZES)
    return `${wanted}, not ${show(sizes)}`;
  const bad = sizes.findIndex(
    (n: unknown) =>
      typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_WEIGHTS_LAYER_SIZE,
  );
  if (bad >= 0) return `${wanted}; entry ${bad + 1} is ${show(sizes[bad])}`;
  return sizes as number[];
}

/** A value from the file as a message shows it: short, and never by walking into it. */
function show(x: unknown): string {
  if (typeof x === 'string') return shorten(JSON.stringify(x.slice(0, MAX_SHOWN + 1)));
  if (Array.isArray(x))
    return x.length === 1 ? 'a list of 1 entry' : `a list of ${x.length} entries`;
  if (typeof x === 'object' && x !== null) return 'an object';
  return shorten(String(x));
}

/** `text`, cut to `max` characters with an ellipsis. */
function shorten(text: string, max = MAX_SHOWN): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function capped(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `and ${errors.length - MAX_ERRORS} more problems`];
}

/** A JSON syntax error with its line and column (engines word the message differently). */
function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  let where: { line: number; column: number };
  if (position) where = lineColumnOf(text, Number(position[1]));
  else if (lineColumn) where = { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  else where = lineColumnOf(text, text.length); // "unexpected end": the error is at the end
  // The engine's words, cut in case an engine quotes much of the text.
  const reason = shorten(message.replace(/\s*\(line \d+ column \d+\)/, ''), 3 * MAX_SHOWN);
  return `not valid JSON at line ${where.line}, column ${where.column}: ${reason}`;
}

function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
