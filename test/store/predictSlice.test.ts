/** Predict mode's switch: with every kind of question turned off, turning it on asks all again. */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { PREDICT_KINDS } from '../../src/core';
import { createAppState, type AppState } from '../../src/store/appStore';

describe('setPredict', () => {
  it('keeps the kinds chosen, unless none is left to ask', () => {
    const state = () => store.getState();
    const store = createStore<AppState>()(createAppState);
    state().setPredictKind('forward', false);
    state().setPredict(true);
    expect(state().predictKinds.forward).toBe(false); // a choice kept (the Start-here door's)
    expect(state().predictKinds.backward).toBe(true);
    state().setPredict(false);
    for (const kind of PREDICT_KINDS) state().setPredictKind(kind, false);
    state().setPredict(true);
    expect(PREDICT_KINDS.every((kind) => state().predictKinds[kind])).toBe(true);
  });
});
