import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { createAppState, type AppState } from '../../src/store/appStore';
import { useUrlNote } from '../../src/url/urlNote';
import { URL_WRITE_DELAY_MS, applyLink, keepUrlInSync, type UrlHost } from '../../src/url/urlSync';

/** A fresh store with every slice, as the page has. */
function makeStore() {
  return create<AppState>()(createAppState);
}

/** A fake address bar that records every rewrite. */
function makeHost(search = '') {
  const writes: string[] = [];
  const location = { pathname: '/app/', search, hash: '' };
  const host: UrlHost = {
    location,
    history: {
      replaceState: (_data, _unused, url) => {
        writes.push(url);
        location.search = url.slice(location.pathname.length);
      },
    },
  };
  return { host, writes };
}

describe('applyLink', () => {
  it('puts the link’s state into the store and its problems into the note', () => {
    const store = makeStore();
    const step = applyLink(store, '?scenario=mlp&data=xor&model=2-8-1&point=4&step=12&lr=x');
    const s = store.getState();
    expect(s.scenario).toBe('mlp');
    expect(s.training).toMatchObject({ dataset: 'xor', hidden: [8], seed: 1 });
    expect(s.datapoint).toBe(4);
    expect(step).toBe(12);
    expect(useUrlNote.getState().ignored).toEqual([
      { name: 'lr', value: 'x', reason: 'not a number' },
    ]);
  });

  it('asks for no step in the playground, and sets its program', () => {
    const store = makeStore();
    expect(applyLink(store, '?scenario=playground&program=a%20%3D%202&step=3')).toBe(0);
    expect(store.getState().program).toBe('a = 2');
  });
});

describe('keepUrlInSync', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('rewrites the address bar once the changes settle', () => {
    const store = makeStore();
    const { host, writes } = makeHost();
    const stop = keepUrlInSync(store, host);
    store.getState().setScenario('mlp');
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS / 2);
    store.getState().setTraining({ seed: 9 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS / 2);
    expect(writes).toEqual([]); // still changing
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(writes).toEqual(['/app/?scenario=mlp&seed=9']);
    store.getState().setTraining({ learningRate: 0.25 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(writes).toEqual(['/app/?scenario=mlp&seed=9', '/app/?scenario=mlp&seed=9&lr=0.25']);
    stop();
    store.getState().setScenario('guide');
    vi.advanceTimersByTime(10 * URL_WRITE_DELAY_MS);
    expect(writes).toHaveLength(2);
  });

  it('leaves the address bar alone while playing, and catches up on pause', () => {
    const store = makeStore();
    const { host, writes } = makeHost();
    keepUrlInSync(store, host);
    const { setPlaying, setView, stats } = store.getState();
    setPlaying(true);
    for (let step = 1; step <= 50; step++) {
      setView({ stats: { ...stats, step } });
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    }
    expect(writes).toEqual([]);
    setPlaying(false);
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(writes).toEqual(['/app/?step=50']);
  });

  it('keeps a step being trained to in the URL until it is reached, then the step shown', () => {
    const store = makeStore();
    const { host, writes } = makeHost('?scenario=mlp&step=5');
    applyLink(store, host.location.search);
    keepUrlInSync(store, host);
    store.getState().setWorkbench({ targetStep: 5 });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(writes).toEqual([]); // the address is already right
    const { stats, setView, setWorkbench } = store.getState();
    setWorkbench({ targetStep: null });
    setView({ stats: { ...stats, step: 5 } });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(writes).toEqual([]);
    setView({ stats: { ...stats, step: 6 } });
    vi.advanceTimersByTime(URL_WRITE_DELAY_MS);
    expect(writes).toEqual(['/app/?scenario=mlp&step=6']);
  });
});
