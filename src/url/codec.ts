/**
 * The page's shareable state as URL parameters, and back. Pure: no DOM, no store.
 *
 * `?scenario=mlp&data=circles&seed=7&model=2-8-8-1&lr=0.05&lrat=40:0.01&step=80` — readable
 * names, and a value only when it differs from the default, so the default page has a bare URL.
 * A setup on a preset's data and weights is written as `preset=micrograd` and what differs
 * from the preset (`presetParam.ts`).
 * Decoding validates every value and reports what it ignored (and why) instead of failing.
 */
import {
  ACTIVATIONS,
  DATASETS,
  DEFAULT_PROGRAM,
  DEFAULT_TRAINING,
  LOSSES,
  PRESET_NAMES,
  SCENARIOS,
  SCHEDULES,
  WEIGHT_INITS,
  clampPoints,
  setupProblem,
  type PresetName,
  type ScenarioId,
  type TrainingConfig,
  type ViewOptions,
} from '../setup';
import { LINK_LIMITS as LIMITS } from './linkLimits';
import { clip, fail, integer, number, oneOf, type Parsed } from './parseValue';
import { applyPreset, linkBase } from './presetParam';
import { decodeRateChanges, encodeRateChanges, readableRateChanges } from './rateParam';
import { encodeView, isViewParameter } from './viewParams';

/** Everything a link carries. */
export interface UrlState {
  scenario: ScenarioId;
  training: TrainingConfig;
  /** The playground's program text. */
  program: string;
  /** MLP scenario: the datapoint whose subgraph is drawn. */
  datapoint: number;
  /** Completed training steps to reproduce. */
  step: number;
  /** How the page is shown (embedded, panels hidden); written by `encodeView`. */
  view?: ViewOptions;
}

/** What a link asked for: only the parameters it gave (and that were valid). */
export interface DecodedState {
  scenario?: ScenarioId;
  training?: Partial<TrainingConfig>;
  program?: string;
  datapoint?: number;
  step?: number;
}

/** A parameter the decoder ignored, or applied changed (`used`: the value it applied). */
export interface IgnoredParameter {
  name: string;
  value: string;
  reason: string;
  used?: string;
}

/** The page's defaults: what a bare URL means. */
export const DEFAULT_URL_STATE: UrlState = {
  scenario: 'guide',
  training: DEFAULT_TRAINING,
  program: DEFAULT_PROGRAM,
  datapoint: 0,
  step: 0,
};

/** Parameter names, in the order they are written. */
export const PARAMETERS = [
  'scenario',
  'preset',
  'data',
  'points',
  'noise',
  'seed',
  'init',
  'model',
  'hidden',
  'act',
  'loss',
  'lr',
  'schedule',
  'lrat',
  'point',
  'step',
  'program',
] as const;

/** The URL query (without `?`) for `state`; parameters equal to the default are left out. */
export function encodeState(state: UrlState): string {
  const params = new URLSearchParams();
  const d = DEFAULT_URL_STATE;
  const t = state.training;
  const put = (name: string, value: string, fallback: string): void => {
    if (value !== fallback) params.set(name, value);
  };
  put('scenario', state.scenario, d.scenario);
  const { preset, base: b } = linkBase(t);
  if (preset) params.set('preset', preset);
  put('data', t.dataset, b.dataset);
  put('points', String(t.points), String(b.points));
  put('noise', String(t.noise), String(b.noise));
  put('seed', String(t.seed), String(b.seed));
  put('init', t.weightInit, b.weightInit);
  put('model', modelText(t.hidden), modelText(b.hidden));
  put('act', t.activation, b.activation);
  put('loss', t.loss, b.loss);
  put('lr', String(t.learningRate), String(b.learningRate));
  put('schedule', t.schedule, b.schedule);
  put('lrat', encodeRateChanges(t), '');
  put('point', String(state.datapoint), String(d.datapoint));
  if (state.scenario !== 'playground') put('step', String(state.step), String(d.step));
  put('program', state.program, d.program);
  if (state.view) encodeView(state.view, params);
  return readableRateChanges(params.toString());
}

/** `[16, 16]` → `2-16-16-1` (inputs and the score output included). */
export function modelText(hidden: readonly number[]): string {
  return [2, ...hidden, 1].join('-');
}

/** Reads `search` (`?a=b&…` or `a=b&…`): the valid parameters, and the ignored ones with why. */
export function decodeState(search: string): { state: DecodedState; ignored: IgnoredParameter[] } {
  const state: DecodedState = {};
  let training: Partial<TrainingConfig> = {};
  const ignored: IgnoredParameter[] = [];
  const seen = new Set<string>();
  const entries = [...new URLSearchParams(search)];
  const given = new Set(entries.map(([name]) => name));
  let datapoint: string | null = null;
  let rateChanges: string | null = null;
  let preset: PresetName | null = null;
  let points: { value: string; asked: number } | null = null;
  for (const [name, value] of entries) {
    const ignore = (reason: string): void => void ignored.push({ name, value, reason });
    if (seen.has(name)) {
      ignore('given more than once; the first is used');
      continue;
    }
    seen.add(name);
    const take = <T>(parsed: Parsed<T>, apply: (value: T) => void): void => {
      if (parsed.ok) apply(parsed.value);
      else ignore(parsed.reason);
    };
    switch (name) {
      case 'scenario':
        take(oneOf(value, SCENARIOS), (v) => (state.scenario = v));
        break;
      case 'preset':
        take(oneOf(value, PRESET_NAMES), (v) => (preset = v));
        break;
      case 'data':
        take(oneOf(value, DATASETS), (v) => (training.dataset = v));
        break;
      case 'points': {
        const parsed = integer(value, ANY); // brought within range below, once the model is known
        if (parsed.ok) points = { value, asked: parsed.value };
        else ignore(parsed.reason);
        break;
      }
      case 'noise':
        take(number(value, LIMITS.noise), (v) => (training.noise = v));
        break;
      case 'seed':
        take(integer(value, LIMITS.seed), (v) => (training.seed = v));
        break;
      case 'init':
        take(oneOf(value, WEIGHT_INITS), (v) => (training.weightInit = v));
        break;
      case 'model':
        take(model(value), (v) => (training.hidden = v));
        break;
      case 'hidden':
        if (given.has('model')) ignore('model is given too; model is used');
        else take(hidden(value), (v) => (training.hidden = v));
        break;
      case 'act':
        take(oneOf(value, ACTIVATIONS), (v) => (training.activation = v));
        break;
      case 'loss':
        take(oneOf(value, LOSSES), (v) => (training.loss = v));
        break;
      case 'lr':
        take(number(value, LIMITS.learningRate), (v) => (training.learningRate = v));
        break;
      case 'schedule':
        take(oneOf(value, SCHEDULES), (v) => (training.schedule = v));
        break;
      case 'lrat':
        rateChanges = value; // read below, with the schedule they start from
        break;
      case 'point':
        datapoint = value; // checked below, against the number of points
        break;
      case 'step':
        take(integer(value, LIMITS.step), (v) => (state.step = v));
        break;
      case 'program':
        if (value.length > LIMITS.program.max)
          ignore(`longer than ${LIMITS.program.max} characters (${value.length})`);
        else state.program = value;
        break;
      default:
        if (!isViewParameter(name)) ignore('unknown parameter');
    }
  }
  if (points !== null) {
    const { value, asked } = points;
    const clamped = clampPoints({ ...DEFAULT_TRAINING, ...training }, asked);
    training.points = clamped.points;
    if (clamped.note)
      ignored.push({ name: 'points', value, reason: clamped.note, used: String(clamped.points) });
  }
  training = applyPreset(training, preset, entries, ignored);
  if (datapoint !== null) {
    const count = training.points ?? DEFAULT_TRAINING.points;
    const parsed = integer(datapoint, { min: 0, max: count - 1 });
    if (parsed.ok) state.datapoint = parsed.value;
    else ignored.push({ name: 'point', value: datapoint, reason: parsed.reason });
  }
  if (rateChanges !== null) {
    const parsed = decodeRateChanges(rateChanges, training.schedule ?? DEFAULT_TRAINING.schedule);
    if (parsed.ok) training.rateSegments = parsed.value;
    else ignored.push({ name: 'lrat', value: rateChanges, reason: parsed.reason });
  }
  dropUntrainable(training, ignored, entries);
  if (Object.keys(training).length > 0) state.training = training;
  return { state, ignored };
}

/**
 * A setup can be valid value by value and still too big to train (one step must fit the
 * scratch arena): then the size parameters (points, model) are ignored, with the reason.
 */
function dropUntrainable(
  training: Partial<TrainingConfig>,
  ignored: IgnoredParameter[],
  entries: [string, string][],
): void {
  const problem = setupProblem({ ...DEFAULT_TRAINING, ...training });
  if (problem === null) return;
  delete training.points;
  delete training.hidden;
  for (const name of ['points', 'model', 'hidden']) {
    const entry = entries.find(([n]) => n === name);
    if (entry && !ignored.some((i) => i.name === name))
      ignored.push({ name, value: entry[1], reason: problem });
  }
}

/** Any whole number: a count that is clamped rather than refused. */
const ANY = { min: -Infinity, max: Infinity };

/** One line for the page: `lr=abc (not a number), foo (unknown parameter)`. */
export function describeIgnored(ignored: readonly IgnoredParameter[]): string {
  return ignored
    .map(({ name, value, reason }) => {
      const shown = clip(value, 40);
      return reason === 'unknown parameter' || value === ''
        ? `${clip(name, 40)} (${reason})`
        : `${clip(name, 40)}=${shown} (${reason})`;
    })
    .join(', ');
}

function hidden(value: string): Parsed<number[]> {
  const text = value.trim();
  if (text === '' || text === 'none') return { ok: true, value: [] };
  return layerList(text.split(','));
}

function model(value: string): Parsed<number[]> {
  const parts = value.trim().split('-');
  if (parts.length < 2) return fail('not a list of layer sizes like 2-16-16-1');
  if (parts[0] !== '2') return fail('the first layer must be 2 (the data has 2 features)');
  if (parts[parts.length - 1] !== '1') return fail('the last layer must be 1 (one score)');
  return layerList(parts.slice(1, -1));
}

function layerList(parts: string[]): Parsed<number[]> {
  const { hiddenLayers, neurons } = LIMITS;
  if (parts.length > hiddenLayers.max) return fail(`more than ${hiddenLayers.max} hidden layers`);
  const sizes: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part.trim())) return fail(`layer size "${part}" is not a whole number`);
    const n = Number(part);
    if (n < neurons.min || n > neurons.max)
      return fail(`layer size ${n} is out of range ${neurons.min} to ${neurons.max}`);
    sizes.push(n);
  }
  return { ok: true, value: sizes };
}
