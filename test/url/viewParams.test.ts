import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, DEFAULT_URL_STATE } from '../../src/url/codec';
import { decodeView, encodeView, isViewParameter } from '../../src/url/viewParams';

describe('view flags in a link', () => {
  it('reads embed and per-panel hides, and writes them back', () => {
    const { view, ignored } = decodeView('?embed=1&memory_hide=1&stats_hide=1&graph_hide=0');
    expect(view).toEqual({ embed: true, hidden: ['memory', 'stats'] });
    expect(ignored).toEqual([]);
    const params = new URLSearchParams();
    encodeView(view, params);
    expect(params.toString()).toBe('embed=1&memory_hide=1&stats_hide=1');
    expect(encodeState({ ...DEFAULT_URL_STATE, view })).toBe(params.toString());
  });

  it('ignores a malformed flag with a short reason; the setup decoder leaves flags alone', () => {
    const long = 'x'.repeat(5000);
    const { view, ignored } = decodeView(`?embed=yes&graph_hide=${long}`);
    expect(view).toEqual({ embed: false, hidden: [] });
    expect(ignored.map((i) => i.reason)).toEqual(['a flag is 1 or 0', 'a flag is 1 or 0']);
    expect(ignored[1].value.length).toBeLessThanOrEqual(40);
    expect(decodeState('?embed=1&chain_hide=1&nonsense_hide=1').ignored.map((i) => i.name)).toEqual(
      ['nonsense_hide'],
    );
    expect(isViewParameter('workbench_hide')).toBe(true);
    expect(isViewParameter('nonsense_hide')).toBe(false);
  });
});
