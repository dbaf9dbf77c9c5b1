import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, decodeState, encodeState } from '../../src/url/codec';

describe('the before-vs-after scenario in a link', () => {
  it('round-trips ?scenario=compare', () => {
    const query = encodeState({ ...DEFAULT_URL_STATE, scenario: 'compare' });
    expect(query).toBe('scenario=compare');
    const { state, ignored } = decodeState(`?${query}`);
    expect(state.scenario).toBe('compare');
    expect(ignored).toEqual([]);
  });
});
