import { describe, expect, it } from 'vitest';
import { PRESETS, type TrainingConfig } from '../../src/setup';
import { DEFAULT_URL_STATE, decodeState, encodeState } from '../../src/url/codec';

const micrograd = PRESETS.micrograd;
const mlp = (training: TrainingConfig, step = 0) => ({
  ...DEFAULT_URL_STATE,
  scenario: 'mlp' as const,
  training,
  step,
});

describe('the preset parameter', () => {
  it("writes micrograd's notebook's setup as preset=micrograd and reads it back whole", () => {
    expect(encodeState(mlp(micrograd))).toBe('scenario=mlp&preset=micrograd');
    const { state, ignored } = decodeState('?scenario=mlp&preset=micrograd');
    expect(ignored).toEqual([]);
    expect(state).toEqual({ scenario: 'mlp', training: micrograd });
  });

  it('writes only what differs from the preset, and the link’s parameters win over it', () => {
    const changed: TrainingConfig = {
      ...micrograd,
      seed: 7,
      learningRate: 0.5,
      rateSegments: [{ fromStep: 40, learningRate: 0.1, schedule: 'decay' }],
    };
    const query = encodeState(mlp(changed, 60));
    expect(query).toBe('scenario=mlp&preset=micrograd&seed=7&lr=0.5&lrat=40:0.1&step=60');
    expect(decodeState(query).state).toEqual({ scenario: 'mlp', training: changed, step: 60 });
    // Order does not matter: the preset is the base, whatever comes first.
    expect(decodeState('lr=0.5&preset=micrograd').state.training).toEqual({
      ...micrograd,
      learningRate: 0.5,
    });
  });

  it('writes the initial weights’ generator as init when the data are not the preset’s', () => {
    const training: TrainingConfig = { ...DEFAULT_URL_STATE.training, weightInit: 'micrograd' };
    expect(encodeState(mlp(training))).toBe('scenario=mlp&init=micrograd');
    expect(decodeState('init=micrograd').state.training).toEqual({ weightInit: 'micrograd' });
    const moons = { ...micrograd, weightInit: 'arenagrad' as const };
    const decoded = decodeState(encodeState(mlp(moons))).state.training;
    expect({ ...DEFAULT_URL_STATE.training, ...decoded }).toEqual(moons);
  });

  it('ignores an unknown preset, and a size or noise that micrograd’s moons cannot have', () => {
    const unknown = decodeState('preset=karpathy&seed=3');
    expect(unknown.state).toEqual({ training: { seed: 3 } });
    expect(unknown.ignored).toEqual([
      { name: 'preset', value: 'karpathy', reason: 'not one of micrograd' },
    ]);
    const { state, ignored } = decodeState('data=micrograd-moons&points=50&noise=0.3&point=70');
    expect(state.training).toEqual({ dataset: 'micrograd-moons', points: 100, noise: 0.1 });
    expect(state.datapoint).toBe(70);
    expect(ignored.map((i) => i.name)).toEqual(['points', 'noise']);
    expect(ignored[0].reason).toBe('micrograd-moons has 100 stored points (noise 0.1)');
  });
});
