import { describe, expect, it, vi } from 'vitest';
import {
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  createTrainer,
  forwardLoss,
  getValue,
  trainStep,
  type TrainSettings,
  type Trainer,
} from '../../../src/core';
import {
  MAX_WEIGHTS_FILE_BYTES,
  MAX_WEIGHTS_LAYER_SIZE,
  MAX_WEIGHTS_SIZES,
  applyWeights,
  countParameters,
  exportWeights,
  parseWeights,
} from '../../../src/core/io/weightsCodec';

const small: TrainSettings = { ...MICROGRAD_DEMO, sizes: [2, 4, 3, 1], points: 20 };

/** The loss of the trainer's current weights, leaving no trace in its scratch arena. */
function lossOf(trainer: Trainer): number {
  const checkpoint = trainer.scratch.mark();
  const loss = getValue(trainer.scratch, forwardLoss(trainer));
  checkpoint.end();
  return loss;
}

function fileText(settings: TrainSettings, steps = 0): string {
  const trainer = createTrainer(settings);
  for (let k = 0; k < steps; k++) trainStep(trainer);
  return JSON.stringify(exportWeights(trainer));
}

function errorsOf(text: string, sizes = small.sizes): string[] {
  const parsed = parseWeights(text, sizes, 'relu');
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.errors;
}

describe('exportWeights', () => {
  it('lists every weight and bias, layer by layer, in the model arena', () => {
    const trainer = createTrainer(small);
    const file = exportWeights(trainer);
    expect(file).toMatchObject({ format: 'arenagrad-weights', version: 1, sizes: [2, 4, 3, 1] });
    expect(file.layers.map((l) => l.neurons.length)).toEqual([4, 3, 1]);
    expect(file.layers[1].neurons[2].weights).toHaveLength(4);
    const flat = file.layers.flatMap((l) => l.neurons.flatMap((n) => [...n.weights, n.bias]));
    const f64 = trainer.memory.f64;
    expect(flat).toEqual(Array.from(trainer.mlp.parameters, (a) => f64[a >> 3]));
    expect(flat).toHaveLength(countParameters(small.sizes));
  });
});

describe('parseWeights + applyWeights', () => {
  it('round-trips: a fresh model given the exported weights has the same loss and next step', () => {
    const trained = createTrainer(small);
    for (let k = 0; k < 5; k++) trainStep(trained);
    const parsed = parseWeights(JSON.stringify(exportWeights(trained)), small.sizes, 'relu');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fresh = createTrainer(small);
    expect(lossOf(fresh)).not.toBe(lossOf(trained));
    applyWeights(fresh, parsed.values);
    expect(lossOf(fresh)).toBe(lossOf(trained));
    fresh.step = trained.step; // same learning rate on the schedule
    expect(trainStep(fresh).loss).toBe(trainStep(trained).loss);
  });

  it('works for the guide’s neuron', () => {
    const guide = createTrainer(GUIDE_EXAMPLE);
    const text = JSON.stringify(exportWeights(guide));
    const parsed = parseWeights(text, GUIDE_EXAMPLE.sizes);
    expect(parsed.ok && Array.from(parsed.values)).toEqual(
      Array.from(guide.mlp.parameters, (a) => guide.memory.f64[a >> 3]),
    );
  });

  it('refuses values of the wrong length or non-finite values without writing any', () => {
    const trainer = createTrainer(small);
    const before = exportWeights(trainer);
    const n = trainer.mlp.parameters.length;
    expect(() => applyWeights(trainer, new Float64Array(n - 1))).toThrow(/parameters/);
    const bad = new Float64Array(n).fill(1);
    bad[n - 1] = NaN;
    expect(() => applyWeights(trainer, bad)).toThrow(/not finite/);
    expect(exportWeights(trainer)).toEqual(before);
  });
});

describe('parseWeights refuses bad files and says why', () => {
  it('bad JSON, with line and column', () => {
    const [error] = errorsOf('{\n  "format": "arenagrad-weights",\n  "version": 1,,\n}');
    expect(error).toMatch(/^not valid JSON at line 3, column 16: /);
  });

  it('truncated JSON: the error is at the end', () => {
    const text = fileText(small).slice(0, 50);
    expect(errorsOf(text)[0]).toMatch(/^not valid JSON at line 1, column 51/);
  });

  it('not an object, or not ours', () => {
    expect(errorsOf('[1, 2, 3]')).toEqual(['the file is not a JSON object']);
    expect(errorsOf('{"layers": []}')).toEqual(['not an arenagrad weights file (no format field)']);
    expect(errorsOf('{"format": "keras"}')).toEqual([
      'not an arenagrad weights file (format "keras")',
    ]);
  });

  it('a version it does not read', () => {
    const file = JSON.parse(fileText(small));
    expect(errorsOf(JSON.stringify({ ...file, version: 2 }))).toEqual([
      'version 2 is not supported (this page reads version 1)',
    ]);
    delete file.version;
    expect(errorsOf(JSON.stringify(file))[0]).toMatch(/version undefined is not supported/);
  });

  it('a file for another model shape', () => {
    const errors = errorsOf(fileText({ ...small, sizes: [2, 4, 2, 1] }));
    expect(errors[0]).toBe('the file is for a 2-4-2-1 model, this model is 2-4-3-1');
    expect(errors).toContain('layer 2 has 2 neurons, the model has 3');
  });

  it('a layer missing, or a neuron with a weight too few', () => {
    const file = JSON.parse(fileText(small));
    delete file.sizes;
    expect(errorsOf(JSON.stringify({ ...file, layers: file.layers.slice(1) }))).toEqual([
      'the file has 2 layers, the model has 3',
    ]);
    file.layers[0].neurons[1].weights.pop();
    expect(errorsOf(JSON.stringify(file))).toEqual([
      "layer 1 neuron 2 has 1 weights, the model's has 2",
    ]);
  });

  it('non-numbers and non-finite numbers, each named', () => {
    const file = JSON.parse(fileText(small));
    file.layers[0].neurons[2].weights[1] = 'abc';
    file.layers[1].neurons[0].bias = null;
    file.layers[2].neurons[0].weights[0] = '1.5';
    file.layers[0].neurons[0].weights[0] = 12345.5; // written as 1e999 below: JSON's Infinity
    const errors = errorsOf(JSON.stringify(file).replace('12345.5', '1e999'));
    expect(errors).toEqual([
      'layer 1 neuron 1 weight 1 is Infinity, not a finite number',
      'layer 1 neuron 3 weight 2 is "abc", not a number',
      'layer 2 neuron 1 bias is null, not a number',
      'layer 3 neuron 1 weight 1 is "1.5", not a number',
    ]);
  });

  it('another activation', () => {
    const text = fileText({ ...small, activation: 'tanh' });
    expect(errorsOf(text)).toEqual(['the file\'s activation is "tanh", the model uses relu']);
  });

  it('lists at most a handful of problems', () => {
    const file = JSON.parse(fileText(small));
    for (const layer of file.layers)
      for (const neuron of layer.neurons) neuron.weights = neuron.weights.map(() => 'x');
    const errors = errorsOf(JSON.stringify(file));
    expect(errors).toHaveLength(9);
    expect(errors[8]).toMatch(/^and \d+ more problems$/);
  });
});

/** `[[[…1…]]]`, `depth` lists deep, as JSON text. */
const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** A valid file for `small` whose field at `path` is replaced by the JSON text `json`. */
function withField(path: (string | number)[], json: string): string {
  const file = JSON.parse(fileText(small));
  let parent = file;
  for (const key of path.slice(0, -1)) parent = parent[key];
  parent[path[path.length - 1]] = '@@here@@';
  return JSON.stringify(file).replace('"@@here@@"', json);
}

describe('parseWeights refuses hostile files with short messages and never throws', () => {
  const wanted = `"sizes" must be a list of 2 to 8 whole numbers from 1 to 1024`;

  it('states its limits: the workbench’s models fit well within them', () => {
    expect([MAX_WEIGHTS_SIZES, MAX_WEIGHTS_LAYER_SIZE, MAX_WEIGHTS_FILE_BYTES]).toEqual([
      8,
      1024,
      1024 * 1024,
    ]);
    const largest = fileText({ ...small, sizes: [2, 32, 32, 32, 32, 1] });
    expect(JSON.stringify(JSON.parse(largest), null, 4).length).toBeLessThan(
      MAX_WEIGHTS_FILE_BYTES / 4,
    );
  });

  it.each([1000, 10_000])('"sizes" nested %i lists deep', (depth) => {
    expect(errorsOf(withField(['sizes'], nested(depth)))).toEqual([
      `${wanted}, not a list of 1 entry`,
    ]);
  });

  it('"sizes" with 100,000 entries, or with a bad entry', () => {
    const long = `[${Array.from({ length: 100_000 }, () => 16).join(',')}]`;
    expect(errorsOf(withField(['sizes'], long))).toEqual([
      `${wanted}, not a list of 100000 entries`,
    ]);
    expect(errorsOf(withField(['sizes'], '"2-4-3-1"'))).toEqual([`${wanted}, not "2-4-3-1"`]);
    expect(errorsOf(withField(['sizes'], '[2]'))).toEqual([`${wanted}, not a list of 1 entry`]);
    for (const [entry, shown] of [
      ['0', '0'],
      ['1.5', '1.5'],
      ['1025', '1025'],
      ['1e300', '1e+300'],
      ['"4"', '"4"'],
      ['null', 'null'],
      ['[4]', 'a list of 1 entry'],
    ])
      expect(errorsOf(withField(['sizes'], `[2, 4, ${entry}, 1]`))).toEqual([
        `${wanted}; entry 3 is ${shown}`,
      ]);
  });

  it('deep nesting in any other field', () => {
    const deep = nested(10_000);
    const paths: (string | number)[][] = [
      ['format'],
      ['version'],
      ['activation'],
      ['layers'],
      ['layers', 1],
      ['layers', 1, 'neurons'],
      ['layers', 1, 'neurons', 2],
      ['layers', 1, 'neurons', 2, 'weights'],
      ['layers', 1, 'neurons', 2, 'weights', 3],
      ['layers', 1, 'neurons', 2, 'bias'],
    ];
    for (const path of paths) {
      const errors = errorsOf(withField(path, deep));
      for (const error of errors) expect(error.length).toBeLessThan(120);
    }
    expect(errorsOf(withField(['layers', 1, 'neurons', 2, 'bias'], deep))).toEqual([
      'layer 2 neuron 3 bias is a list of 1 entry, not a number',
    ]);
  });

  it('long strings anywhere are cut to their first 40 characters', () => {
    const long = JSON.stringify('abc'.repeat(100_000));
    const cut = `"${'abc'.repeat(14).slice(0, 39)}…`;
    expect(errorsOf(withField(['format'], long))).toEqual([
      `not an arenagrad weights file (format ${cut})`,
    ]);
    expect(errorsOf(withField(['version'], long))[0]).toBe(
      `version ${cut} is not supported (this page reads version 1)`,
    );
    expect(errorsOf(withField(['activation'], long))).toEqual([
      `the file's activation is ${cut}, the model uses relu`,
    ]);
    expect(errorsOf(withField(['layers', 0, 'neurons', 0, 'weights', 1], long))).toEqual([
      `layer 1 neuron 1 weight 2 is ${cut}, not a number`,
    ]);
    const [syntax] = errorsOf(`{"format": ${long}x}`);
    expect(syntax).toMatch(/^not valid JSON at line 1, column 300014: /);
    expect(syntax.length).toBeLessThan(200);
  });

  it('a file over the limit is refused before it is parsed', () => {
    const text = fileText(small);
    const padded = (length: number) => text + ' '.repeat(length - text.length);
    expect(parseWeights(padded(MAX_WEIGHTS_FILE_BYTES), small.sizes, 'relu').ok).toBe(true);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      for (const length of [MAX_WEIGHTS_FILE_BYTES + 1, 50 * 1024 * 1024]) {
        expect(errorsOf(padded(length))).toEqual([
          `the file is too large (${length} characters): a weights file has at most ` +
            '1048576 (1 MiB)',
        ]);
      }
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
