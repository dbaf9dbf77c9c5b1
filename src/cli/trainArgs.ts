/**
 * Flags of `cli train`, parsed into training settings. Pure: no I/O, so it is unit-tested
 * directly; `train.ts` prints {@link TRAIN_USAGE} and exits 2 on a {@link TrainArgsError}.
 */
import { DATASET_NAMES, makeDataset, type DatasetName } from '../core/datasets';
import type { LossKind } from '../core/loss';
import {
  GUIDE_EXAMPLE,
  MICROGRAD_DEMO,
  type TrainSettings,
  type WeightInit,
} from '../core/train/trainSettings';
import { PRESET_NAMES, PRESETS, settingsOf, WEIGHT_INITS, type PresetName } from '../setup';

/** The engines a run can use. */
export type EngineName = 'arena' | 'heap' | 'wasm';

/** What `cli train` was asked to do. */
export interface TrainArgs {
  settings: TrainSettings;
  /** Steps to run (also the horizon of the decaying learning rate). */
  steps: number;
  engine: EngineName;
  /** One JSON line per step instead of a table. */
  json: boolean;
}

/** Steps run when `--steps` is not given. */
export const DEFAULT_STEPS = 100;
/** The engine used when `--engine` is not given. */
export const DEFAULT_ENGINE: EngineName = 'arena';

const demo = MICROGRAD_DEMO;
const guide = GUIDE_EXAMPLE;
const micrograd = settingsOf(PRESETS.micrograd);
/** `(default X)`, or `(default X; Y for guide)` when the guide's example differs. */
const defaults = (of: (s: TrainSettings) => unknown): string => {
  const [d, g] = [String(of(demo)), String(of(guide))];
  return `(default ${d}${g === d ? '' : `; ${g} for guide`})`;
};
const sizes = (s: TrainSettings): string => s.sizes.join('-');
const rate = (x: number): string => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/** The usage message of `cli train`; its defaults are read from the settings the flags start from. */
export const TRAIN_USAGE = `usage: npm run --silent cli -- train [flags]
  --preset  micrograd                        micrograd's notebook's run: its ${micrograd.points} points, its
                                             weights (Python random.seed(1337)), ${sizes(micrograd)},
                                             hinge + L2, lr 1.0 - 0.9*k/100; flags below
                                             change it, the schedule stays ${micrograd.scheduleSteps} steps long
  --dataset ${DATASET_NAMES.join('|')}   (default ${demo.dataset})
  --model   inputs-hidden...-1               ${defaults(sizes)}
  --steps   N ≥ 1                            (default ${DEFAULT_STEPS})
  --seed    integer                          ${defaults((s) => s.seed)}
  --init    ${WEIGHT_INITS.join('|')}              initial weights' generator ${defaults((s) => s.weightInit)};
                                             micrograd: Python's random, seeded with --seed
  --engine  arena|heap|wasm                  (default ${DEFAULT_ENGINE})
  --loss    hinge|mse                        ${defaults((s) => s.loss)}
  --lr      base learning rate > 0           ${defaults((s) => rate(s.learningRate))}
  --json    one JSON line per step`;

/** A bad command line; the message says which flag and why. */
export class TrainArgsError extends Error {
  override readonly name = 'TrainArgsError';
}

const VALUE_FLAGS = [
  'preset',
  'dataset',
  'model',
  'steps',
  'seed',
  'init',
  'engine',
  'loss',
  'lr',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new TrainArgsError(`--${flag} must be one of ${allowed.join(', ')}, got '${value}'`);
}

function numberOf(flag: string, value: string): number {
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(n)) throw new TrainArgsError(`--${flag} must be a number, got '${value}'`);
  return n;
}

function integerOf(flag: string, value: string, min: number): number {
  const n = numberOf(flag, value);
  if (!Number.isInteger(n) || n < min) {
    throw new TrainArgsError(`--${flag} must be an integer ≥ ${min}, got '${value}'`);
  }
  return n;
}

/** `2-16-16-1` → `[2, 16, 16, 1]`, checked against the dataset's features per point. */
function modelOf(value: string, dims: number): number[] {
  if (!/^\d+(-\d+)+$/.test(value)) {
    throw new TrainArgsError(`--model must look like 2-16-16-1, got '${value}'`);
  }
  const sizes = value.split('-').map(Number);
  if (sizes.some((n) => n < 1)) throw new TrainArgsError(`--model sizes must be ≥ 1: '${value}'`);
  if (sizes[0] !== dims) {
    throw new TrainArgsError(`--model must start with ${dims} (the dataset's features per point)`);
  }
  if (sizes[sizes.length - 1] !== 1) throw new TrainArgsError('--model must end with 1 output');
  return sizes;
}

/** Splits `--flag value` / `--flag=value` pairs; throws on anything else. */
function readFlags(args: readonly string[]): { values: Map<ValueFlag, string>; json: boolean } {
  const values = new Map<ValueFlag, string>();
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new TrainArgsError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (name === 'json' && eq < 0) {
      json = true;
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      throw new TrainArgsError(`unknown flag '${arg}'`);
    }
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new TrainArgsError(`--${name} needs a value`);
    }
    values.set(name as ValueFlag, value);
  }
  return { values, json };
}

/**
 * The settings the flags start from: the preset's (the workbench's and the link's `preset`,
 * `src/setup/presets.ts`), or else micrograd's demo (`MICROGRAD_DEMO`) or, for
 * `--dataset guide`, the guide's example (`GUIDE_EXAMPLE`).
 */
function baseOf(preset: PresetName | null, dataset: string | undefined): TrainSettings {
  if (preset) return settingsOf(PRESETS[preset]);
  return dataset === 'guide' ? GUIDE_EXAMPLE : MICROGRAD_DEMO;
}

/**
 * Parses the flags of `cli train`: `--preset`'s settings, or the defaults ({@link baseOf}),
 * changed by the other flags. Throws {@link TrainArgsError}.
 */
export function parseTrainArgs(args: readonly string[]): TrainArgs {
  const { values, json } = readFlags(args);
  const get = (flag: ValueFlag): string | undefined => values.get(flag);
  const presetFlag = get('preset');
  const preset = presetFlag === undefined ? null : oneOf('preset', presetFlag, PRESET_NAMES);
  const base = baseOf(preset, get('dataset'));
  const dataset: DatasetName = oneOf('dataset', get('dataset') ?? base.dataset, DATASET_NAMES);
  const steps = integerOf('steps', get('steps') ?? String(DEFAULT_STEPS), 1);
  const model = get('model');
  const lr = get('lr');
  const learningRate = lr === undefined ? base.learningRate : numberOf('lr', lr);
  if (learningRate <= 0) throw new TrainArgsError(`--lr must be > 0, got '${lr}'`);
  const dims = makeDataset(dataset, { count: 1 }).dims;
  const seed = get('seed');
  const init = get('init');
  const loss = get('loss');
  const settings: TrainSettings = {
    ...base,
    dataset,
    seed: seed === undefined ? base.seed : integerOf('seed', seed, 0),
    weightInit:
      init === undefined ? base.weightInit : oneOf<WeightInit>('init', init, WEIGHT_INITS),
    sizes: model === undefined ? [...base.sizes] : modelOf(model, dims),
    loss: loss === undefined ? base.loss : oneOf<LossKind>('loss', loss, ['hinge', 'mse']),
    learningRate,
    // A preset's schedule is its own (the notebook decays over 100 steps, however many run).
    scheduleSteps: preset ? base.scheduleSteps : steps,
  };
  const engine = oneOf<EngineName>('engine', get('engine') ?? DEFAULT_ENGINE, [
    'arena',
    'heap',
    'wasm',
  ]);
  return { settings, steps, engine, json };
}
