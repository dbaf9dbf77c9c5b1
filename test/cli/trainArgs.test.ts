import { describe, expect, it } from 'vitest';
import { parseTrainArgs, TRAIN_USAGE, TrainArgsError } from '../../src/cli/trainArgs';
import { GUIDE_EXAMPLE, MICROGRAD_DEMO } from '../../src/core';

describe('parseTrainArgs', () => {
  it("defaults to micrograd's demo on the arena engine", () => {
    const args = parseTrainArgs([]);
    expect(args).toEqual({
      settings: { ...MICROGRAD_DEMO, scheduleSteps: 100 },
      steps: 100,
      engine: 'arena',
      json: false,
    });
  });

  it('takes the Wasm engine by name', () => {
    expect(parseTrainArgs(['--engine', 'wasm']).engine).toBe('wasm');
    expect(parseTrainArgs(['--engine=wasm']).engine).toBe('wasm');
  });

  it('reads every flag, as `--flag value` or `--flag=value`', () => {
    const args = parseTrainArgs([
      '--dataset',
      'xor',
      '--model=2-8-4-1',
      '--steps',
      '25',
      '--seed',
      '7',
      '--engine',
      'heap',
      '--loss',
      'mse',
      '--lr',
      '0.05',
      '--json',
    ]);
    expect(args.steps).toBe(25);
    expect(args.engine).toBe('heap');
    expect(args.json).toBe(true);
    expect(args.settings).toMatchObject({
      dataset: 'xor',
      sizes: [2, 8, 4, 1],
      seed: 7,
      loss: 'mse',
      learningRate: 0.05,
      scheduleSteps: 25,
      l2: MICROGRAD_DEMO.l2,
      schedule: MICROGRAD_DEMO.schedule,
    });
  });

  it("reads --init and micrograd's moons", () => {
    const { settings } = parseTrainArgs(['--dataset', 'micrograd-moons', '--init', 'micrograd']);
    expect(settings).toMatchObject({
      dataset: 'micrograd-moons',
      weightInit: 'micrograd',
      seed: 1,
    });
  });

  it("uses the guide's example defaults for the guide dataset", () => {
    const { settings } = parseTrainArgs(['--dataset', 'guide', '--steps', '10']);
    expect(settings).toEqual({ ...GUIDE_EXAMPLE, scheduleSteps: 10 });
    expect(parseTrainArgs(['--dataset', 'guide', '--model', '3-4-1']).settings.sizes).toEqual([
      3, 4, 1,
    ]);
  });

  it('the usage says the defaults the parser uses (no flag, and --dataset guide)', () => {
    const plain = parseTrainArgs([]);
    const guide = parseTrainArgs(['--dataset', 'guide']);
    const line = (flag: string) =>
      TRAIN_USAGE.split('\n').find((l) => l.startsWith(`  --${flag} `));
    const both = (d: unknown, g: unknown) => `(default ${d}; ${g} for guide)`;
    expect(line('seed')).toContain(both(plain.settings.seed, guide.settings.seed));
    expect(line('model')).toContain(
      both(plain.settings.sizes.join('-'), guide.settings.sizes.join('-')),
    );
    expect(line('loss')).toContain(both(plain.settings.loss, guide.settings.loss));
    expect(line('lr')).toContain(
      both(plain.settings.learningRate.toFixed(1), guide.settings.learningRate),
    );
    expect(line('dataset')).toContain(`(default ${plain.settings.dataset})`);
    expect(line('steps')).toContain(`(default ${plain.steps})`);
    expect(line('engine')).toContain(`(default ${plain.engine})`);
    expect(line('init')).toContain(`(default ${plain.settings.weightInit})`);
  });

  it.each([
    [['--bogus', '1'], /unknown flag '--bogus'/],
    [['--steps'], /--steps needs a value/],
    [['--steps', '--json'], /--steps needs a value/],
    [['--steps', 'ten'], /--steps must be a number/],
    [['--steps', '0'], /--steps must be an integer ≥ 1/],
    [['--steps', '2.5'], /--steps must be an integer/],
    [['--seed', '-1'], /--seed must be an integer ≥ 0/],
    [['--lr', 'fast'], /--lr must be a number/],
    [['--lr', '0'], /--lr must be > 0/],
    [['--lr', ''], /--lr must be a number/],
    [['--dataset', 'mnist'], /--dataset must be one of guide, moons/],
    [['--engine', 'gpu'], /--engine must be one of arena, heap/],
    [['--loss', 'l1'], /--loss must be one of hinge, mse/],
    [['--model', '2x16x1'], /--model must look like 2-16-16-1/],
    [['--model', '2-0-1'], /sizes must be ≥ 1/],
    [['--model', '3-16-1'], /must start with 2/],
    [['--dataset', 'guide', '--model', '2-1'], /must start with 3/],
    [['--model', '2-16-2'], /must end with 1 output/],
    [['--json=yes'], /unknown flag/],
    [['--preset', 'karpathy'], /--preset must be one of micrograd, got 'karpathy'/],
    [['--preset'], /--preset needs a value/],
    [['--init', 'numpy'], /--init must be one of arenagrad, micrograd/],
    [['moons'], /unexpected argument 'moons'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseTrainArgs(argv)).toThrow(TrainArgsError);
    expect(() => parseTrainArgs(argv)).toThrow(message);
  });
});
