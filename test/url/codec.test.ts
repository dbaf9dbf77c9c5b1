import { describe, expect, it } from 'vitest';
import {
  DEFAULT_URL_STATE,
  decodeState,
  describeIgnored,
  encodeState,
  type UrlState,
} from '../../src/url/codec';
import { LINK_LIMITS as LIMITS } from '../../src/url/linkLimits';
import { DEFAULT_TRAINING, setupProblem } from '../../src/setup';

const { points, neurons, hiddenLayers } = LIMITS;

const custom: UrlState = {
  scenario: 'mlp',
  training: {
    dataset: 'spiral',
    points: 150,
    noise: 0.25,
    seed: 42,
    weightInit: 'micrograd',
    hidden: [8, 4, 3],
    activation: 'tanh',
    loss: 'mse',
    learningRate: 0.05,
    schedule: 'constant',
    rateSegments: [
      { fromStep: 10, learningRate: 0.01, schedule: 'constant' },
      { fromStep: 25, learningRate: 0.125, schedule: 'decay' },
    ],
  },
  program: 'a = 2\nb = a * a + 1 # "quoted" & ?x=1',
  datapoint: 17,
  step: 30,
};

describe('encodeState', () => {
  it('leaves the defaults out: the default page has an empty query', () => {
    expect(encodeState(DEFAULT_URL_STATE)).toBe('');
  });

  it('writes only what differs, with readable names', () => {
    const query = encodeState({
      ...DEFAULT_URL_STATE,
      scenario: 'mlp',
      training: { ...DEFAULT_URL_STATE.training, seed: 7, learningRate: 0.5 },
      step: 5,
    });
    expect(query).toBe('scenario=mlp&seed=7&lr=0.5&step=5');
  });

  it('writes the model as its layer sizes', () => {
    const query = encodeState({ ...custom, scenario: 'guide' });
    expect(new URLSearchParams(query).get('model')).toBe('2-8-4-3-1');
  });

  it('leaves the step out for the playground (it has no training steps)', () => {
    expect(
      new URLSearchParams(encodeState({ ...custom, scenario: 'playground' })).has('step'),
    ).toBe(false);
  });
});

describe('decodeState', () => {
  it('round-trips a state that differs from the defaults everywhere', () => {
    const { state, ignored } = decodeState(`?${encodeState(custom)}`);
    expect(ignored).toEqual([]);
    expect(state).toEqual(custom);
  });

  it('round-trips the defaults (an empty query) to nothing asked for', () => {
    expect(decodeState('')).toEqual({ state: {}, ignored: [] });
  });

  it('round-trips awkward numbers exactly', () => {
    for (const learningRate of [1e-5, 0.1 + 0.2, 123.456, 999.5]) {
      const s = { ...custom, training: { ...custom.training, learningRate } };
      expect(decodeState(encodeState(s)).state.training?.learningRate).toBe(learningRate);
    }
  });

  it('reads hidden=16,16 and hidden=none as the model shape', () => {
    expect(decodeState('hidden=16,8').state.training?.hidden).toEqual([16, 8]);
    expect(decodeState('hidden=none').state.training?.hidden).toEqual([]);
    expect(decodeState('model=2-1').state.training?.hidden).toEqual([]);
  });

  it('keeps the valid parameters of a link that also has bad ones', () => {
    const { state, ignored } = decodeState('scenario=mlp&lr=abc&seed=9&foo=1');
    expect(state).toEqual({ scenario: 'mlp', training: { seed: 9 } });
    expect(ignored.map((i) => i.name)).toEqual(['lr', 'foo']);
  });

  const malformed: [string, string, RegExp][] = [
    ['scenario=chess', 'scenario', /not one of guide, playground, mlp/],
    ['scenario=', 'scenario', /empty/],
    ['data=guide', 'data', /not one of moons/],
    ['data=MOONS', 'data', /not one of/],
    ['points=abc', 'points', /not a number/],
    ['points=12.5', 'points', /not a whole number/],
    ['noise=-0.1', 'noise', /out of range/],
    ['noise=NaN', 'noise', /not finite/],
    ['seed=-1', 'seed', /out of range/],
    ['seed=0x10', 'seed', /not a number/],
    ['seed=1e20', 'seed', /out of range/],
    ['lr=abc', 'lr', /not a number/],
    ['lr=Infinity', 'lr', /not finite/],
    ['lr=1e999', 'lr', /not finite/],
    ['lr=0', 'lr', /out of range/],
    ['lr=-1', 'lr', /out of range/],
    ['lr=', 'lr', /empty/],
    ['lr=1,5', 'lr', /not a number/],
    ['model=3-16-1', 'model', /first layer must be 2/],
    ['model=2-16-2', 'model', /last layer must be 1/],
    ['model=2-x-1', 'model', /"x" is not a whole number/],
    ['model=2-0-1', 'model', /layer size 0 is out of range/],
    [
      `model=2-${neurons.max + 1}-1`,
      'model',
      new RegExp(`out of range ${neurons.min} to ${neurons.max}`),
    ],
    [
      `model=2-${'1-'.repeat(hiddenLayers.max + 1)}1`,
      'model',
      new RegExp(`more than ${hiddenLayers.max} hidden layers`),
    ],
    ['model=16', 'model', /not a list of layer sizes/],
    ['hidden=4,,4', 'hidden', /not a whole number/],
    ['hidden=-4', 'hidden', /not a whole number/],
    ['model=2-4-1&hidden=8', 'hidden', /model is given too/],
    ['act=sigmoid', 'act', /not one of relu, tanh, linear/],
    ['loss=l1', 'loss', /not one of hinge, mse/],
    ['schedule=cosine', 'schedule', /not one of decay, constant/],
    ['point=100', 'point', /out of range 0 to 99/],
    ['points=10&point=10', 'point', /out of range 0 to 9/],
    ['point=-1', 'point', /out of range/],
    ['step=2.5', 'step', /not a whole number/],
    ['step=-3', 'step', /out of range/],
    ['step=5000000', 'step', /out of range/],
    [`program=${'x'.repeat(10_001)}`, 'program', /longer than 10000 characters/],
    ['lrat=', 'lrat', /^empty$/],
    ['lrat=70:0.1,40:0.01', 'lrat', /^steps must increase \(70 then 40\)$/],
    ['lrat=40:0.1,40:0.01', 'lrat', /^steps must increase \(40 then 40\)$/],
    ['lrat=0:0.1', 'lrat', /^step "0": out of range 1 to 1000000$/],
    ['lrat=4.5:0.1', 'lrat', /^step "4.5": not a whole number$/],
    ['lrat=40:NaN', 'lrat', /^rate at step 40: not finite$/],
    ['lrat=40:1e999', 'lrat', /^rate at step 40: not finite$/],
    ['lrat=40:0', 'lrat', /^rate at step 40: out of range 0.000001 to 1000$/],
    ['lrat=40:abc', 'lrat', /^rate at step 40: not a number$/],
    ['lrat=40', 'lrat', /^"40" is not step:rate or step:rate:schedule$/],
    ['lrat=40:0.1:cosine', 'lrat', /^schedule at step 40: not one of decay, constant$/],
    [`lrat=${'1'.repeat(5000)}:0.1`, 'lrat', /^longer than 2000 characters$/],
    [`lrat=${'4'.repeat(30)}:0.1`, 'lrat', /^step "444444444444…": out of range/],
    [
      `lrat=${Array.from({ length: 33 }, (_, k) => `${k + 1}:0.1`).join(',')}`,
      'lrat',
      /^more than 32 changes$/,
    ],
    ['foo=1', 'foo', /unknown parameter/],
    ['=1', '', /unknown parameter/],
    ['seed=3&seed=4', 'seed', /more than once/],
  ];

  it.each(malformed)('ignores %s with a reason', (query, name, reason) => {
    const { ignored } = decodeState(query);
    const entry = ignored.find((i) => i.name === name);
    expect(entry, JSON.stringify(ignored)).toBeDefined();
    expect(entry?.reason).toMatch(reason);
  });

  it('brings too many points down to the most there may be, and says so', () => {
    const { state, ignored } = decodeState('scenario=mlp&points=5000');
    expect(state.training?.points).toBe(points.max);
    expect(ignored).toEqual([
      {
        name: 'points',
        value: '5000',
        reason: `the most is ${points.max.toLocaleString('en-US')}, so ${points.max.toLocaleString('en-US')} are used`,
        used: String(points.max),
      },
    ]);
    expect(describeIgnored(ignored)).toContain('points=5000 (the most is');
    const few = decodeState(`points=${points.min - 3}`);
    expect(few.state.training?.points).toBe(points.min);
    expect(few.ignored[0].reason).toMatch(new RegExp(`the fewest is ${points.min}`));
  });

  it('brings the points down to what the model can train: one step must fit the scratch arena', () => {
    const big = `2-${Array(hiddenLayers.max).fill(neurons.max).join('-')}-1`;
    const { state, ignored } = decodeState(`points=${points.max}&model=${big}&seed=5`);
    const most = state.training!.points!;
    expect(most).toBeLessThan(points.max);
    expect(setupProblem({ ...DEFAULT_TRAINING, ...state.training })).toBeNull();
    expect(setupProblem({ ...DEFAULT_TRAINING, ...state.training, points: most + 1 })).toMatch(
      /scratch arena/,
    );
    expect(state.training).toMatchObject({ seed: 5, hidden: Array(hiddenLayers.max).fill(32) });
    expect(ignored.map((i) => [i.name, i.used])).toEqual([['points', String(most)]]);
    expect(ignored[0].reason).toMatch(/the most for this model is/);
  });

  it('applies nothing from a parameter it ignored', () => {
    for (const [query, name] of malformed) {
      if (name === 'seed' && query.includes('&seed=')) continue; // the first seed is kept
      if (query.startsWith('points=10&')) continue; // points=10 itself is valid
      if (query.startsWith('model=2-4-1&')) continue; // model itself is valid
      expect(decodeState(query).state, query).toEqual({});
    }
  });

  it('survives garbage without throwing', () => {
    for (const junk of ['%', '%%%&&==', '?&', '??scenario=mlp', 'a=%E0%A4%A', '&&&']) {
      expect(() => decodeState(junk)).not.toThrow();
    }
  });
});

describe('learning-rate changes (lrat)', () => {
  const plan = {
    ...DEFAULT_URL_STATE.training,
    rateSegments: [
      { fromStep: 40, learningRate: 0.05, schedule: 'decay' as const },
      { fromStep: 70, learningRate: 0.01, schedule: 'constant' as const },
    ],
  };

  it('writes step:rate pairs, the schedule only where it changes', () => {
    const query = encodeState({ ...DEFAULT_URL_STATE, scenario: 'mlp', training: plan, step: 80 });
    expect(query).toBe('scenario=mlp&lrat=40:0.05,70:0.01:constant&step=80');
  });

  it('round-trips, and a schedule not given is the one in force before', () => {
    const query = encodeState({ ...DEFAULT_URL_STATE, training: plan });
    expect(decodeState(query)).toEqual({
      state: { training: { rateSegments: plan.rateSegments } },
      ignored: [],
    });
    const constant = decodeState('schedule=constant&lrat=40:0.5,70:0.25:decay,90:0.125');
    expect(constant.state.training?.rateSegments?.map((s) => s.schedule)).toEqual([
      'constant',
      'decay',
      'decay',
    ]);
  });

  it('round-trips awkward rates and the most changes a link may carry', () => {
    const rateSegments = Array.from({ length: 32 }, (_, k) => ({
      fromStep: 1 + k * 31_250,
      learningRate: [1e-6, 0.1 + 0.2, 999.5, 1 / 3][k % 4],
      schedule: k % 3 === 0 ? ('constant' as const) : ('decay' as const),
    }));
    const training = { ...DEFAULT_URL_STATE.training, rateSegments };
    const decoded = decodeState(encodeState({ ...DEFAULT_URL_STATE, training })).state;
    expect(decoded.training?.rateSegments).toEqual(rateSegments);
  });

  it('a run without changes writes no lrat', () => {
    expect(encodeState({ ...DEFAULT_URL_STATE, step: 5 })).toBe('step=5');
  });

  it('reports a bad list in one short line, whatever its length', () => {
    const { state, ignored } = decodeState(`lr=0.5&lrat=${'9,'.repeat(100_000)}`);
    expect(state).toEqual({ training: { learningRate: 0.5 } });
    const line = describeIgnored(ignored);
    expect(line).toBe(`lrat=${'9,'.repeat(20)}… (longer than 2000 characters)`);
  });
});

describe('describeIgnored', () => {
  it('names each ignored parameter and why, as the page shows it', () => {
    const { ignored } = decodeState('lr=abc&foo=bar');
    expect(describeIgnored(ignored)).toBe('lr=abc (not a number), foo (unknown parameter)');
  });

  it('shortens long values', () => {
    const { ignored } = decodeState(`act=${'z'.repeat(100)}`);
    expect(describeIgnored(ignored)).toBe(`act=${'z'.repeat(40)}… (not one of relu, tanh, linear)`);
  });
});
