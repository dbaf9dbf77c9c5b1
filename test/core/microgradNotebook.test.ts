/**
 * micrograd's demo notebook, number for number. The fixture (`data/micrograd-demo.json`, copied
 * from the project's shared record) holds the notebook's 100 points, micrograd's 337 initial
 * weights in `model.parameters()` order, and the notebook's printout for steps 0–99.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrainArgs } from '../../src/cli/trainArgs';
import {
  MICROGRAD_NOTEBOOK,
  NOTEBOOK_ACCURACY_PERCENT,
  NOTEBOOK_LOSSES,
  createMLP,
  createPythonRandom,
  createTrainer,
  makeDataset,
  Memory,
  MB,
  neuronWeight,
  readParameters,
  trainStep,
  valueAt,
  addressOf,
  type StepReport,
  type TrainSettings,
} from '../../src/core';
import { createHeapTrainer, heapTrainStep } from '../../src/core/baseline';
import { createWasmTrainer, wasmTrainStep } from '../../src/core/wasm';

interface Demo {
  sizes: number[];
  x: number[];
  y: number[];
  init_params: number[];
  notebook: { step: number; loss: number; accuracy_pct: number }[];
}
const demo = JSON.parse(
  readFileSync(new URL('./data/micrograd-demo.json', import.meta.url), 'utf8'),
) as Demo;

/** `steps` steps of `settings` on an engine: the reports, copied. */
function run(
  engine: 'arena' | 'heap' | 'wasm',
  settings: TrainSettings,
  steps = 100,
): StepReport[] {
  let step: () => StepReport;
  if (engine === 'heap') {
    const t = createHeapTrainer(settings);
    step = () => heapTrainStep(t);
  } else if (engine === 'wasm') {
    const t = createWasmTrainer(settings);
    step = () => wasmTrainStep(t);
  } else {
    const t = createTrainer(settings);
    step = () => trainStep(t);
  }
  return Array.from({ length: steps }, () => ({ ...step() }));
}

describe("micrograd's demo notebook", () => {
  it('embeds the notebook’s points and printout exactly', () => {
    const d = makeDataset('micrograd-moons', { count: 7, noise: 0.5, seed: 3 });
    expect([d.count, d.dims]).toEqual([100, 2]);
    expect(Array.from(d.x)).toEqual(demo.x);
    expect(Array.from(d.y)).toEqual(demo.y);
    expect(NOTEBOOK_LOSSES).toEqual(demo.notebook.map((l) => l.loss));
    expect(NOTEBOOK_ACCURACY_PERCENT).toEqual(demo.notebook.map((l) => l.accuracy_pct));
    expect(demo.notebook.map((l) => l.step)).toEqual([...Array(100).keys()]);
  });

  it("draws micrograd's 337 initial weights from Python's random.seed(1337)", () => {
    const trainer = createTrainer(MICROGRAD_NOTEBOOK);
    expect(Array.from(readParameters(trainer.memory, trainer.mlp))).toEqual(demo.init_params);
  });

  it('puts each weight on the record micrograd gives it: layer, neuron, weights then bias', () => {
    // micrograd: MLP.parameters() = [p for layer for p in layer.parameters()], Layer: [p for
    // neuron ...], Neuron: w + [b]. Walk the engine's layers through their records, not through
    // mlp.parameters, so the order is checked independently of how createMLP lists them.
    const memory = new Memory();
    const model = memory.addArena('model', MB(1));
    const mlp = createMLP(model, demo.sizes, createPythonRandom(1337));
    let k = 0;
    for (const layer of mlp.layers) {
      for (const neuron of layer.neurons) {
        for (let i = 0; i < neuron.inputCount; i++)
          expect(valueAt(memory, addressOf(neuronWeight(model, neuron, i)))).toBe(
            demo.init_params[k++],
          );
        expect(valueAt(memory, addressOf(neuron.bias))).toBe(demo.init_params[k++]);
      }
    }
    expect(k).toBe(337);
  });

  it('`--preset micrograd` is the notebook’s run, whatever --steps says of the schedule', () => {
    const args = parseTrainArgs(['--preset', 'micrograd']);
    expect(args.settings).toEqual(MICROGRAD_NOTEBOOK);
    expect(args.steps).toBe(100);
    expect(parseTrainArgs(['--preset=micrograd', '--steps', '10']).settings.scheduleSteps).toBe(
      100,
    );
    expect(parseTrainArgs(['--preset', 'micrograd', '--lr', '0.5']).settings).toMatchObject({
      dataset: 'micrograd-moons',
      weightInit: 'micrograd',
      learningRate: 0.5,
    });
  });

  it('the heap engine starts the same run (3 steps: it is slow under the test runner)', () => {
    const settings = parseTrainArgs(['--preset', 'micrograd']).settings;
    const numbers = (r: StepReport) => [r.step, r.loss, r.accuracy, r.learningRate];
    expect(run('heap', settings, 3).map(numbers)).toEqual(run('arena', settings, 3).map(numbers));
  });

  for (const engine of ['arena', 'wasm'] as const) {
    it(`${engine} engine: 100 steps give the notebook's losses (1e-12) and accuracies`, () => {
      const reports = run(engine, parseTrainArgs(['--preset', 'micrograd']).settings);
      expect(reports[0].loss).toBe(0.8958441028683222);
      expect(reports[0].accuracy).toBe(0.5);
      reports.forEach((r, k) => {
        expect(r.step).toBe(k);
        const printed = demo.notebook[k];
        expect(Math.abs(r.loss - printed.loss) / printed.loss).toBeLessThan(1e-12);
        expect(r.accuracy * 100).toBe(printed.accuracy_pct);
      });
      expect(reports[99].accuracy).toBe(1);
    });
  }
});
