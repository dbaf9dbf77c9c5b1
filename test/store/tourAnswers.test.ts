import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createAppState, type AppState } from '../../src/store/appStore';
import { readTourAnswers, TOUR_ANSWERS_KEY } from '../../src/store/tourAnswersSlice';

/** A Storage stand-in over a Map (Node has no localStorage). */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const store = () => create<AppState>()(createAppState);

describe('the tour answers slice', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: Storage }).localStorage = fakeStorage();
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it('keeps a first answer, a second only after a miss, and ignores any later one', () => {
    const s = store();
    s.getState().answerTour('a', { given: '1', right: true });
    s.getState().answerTour('a', { given: '2', right: false });
    expect(s.getState().tourAnswers.a).toEqual({ first: { given: '1', right: true } });
    s.getState().answerTour('b', { given: 'x', right: false });
    s.getState().answerTour('b', { given: 'y', right: true });
    s.getState().answerTour('b', { given: 'z', right: false });
    expect(s.getState().tourAnswers.b).toEqual({
      first: { given: 'x', right: false },
      again: { given: 'y', right: true },
    });
  });

  it('writes every change to storage, a new store reads it back, forget removes it', () => {
    const s = store();
    s.getState().answerTour('a', { given: '8', right: true });
    expect(JSON.parse(localStorage.getItem(TOUR_ANSWERS_KEY)!)).toEqual({
      a: { first: { given: '8', right: true } },
    });
    expect(store().getState().tourAnswers).toEqual(s.getState().tourAnswers);
    s.getState().forgetTourAnswers();
    expect(s.getState().tourAnswers).toEqual({});
    expect(localStorage.getItem(TOUR_ANSWERS_KEY)).toBeNull();
    expect(store().getState().tourAnswers).toEqual({});
  });

  it('starts empty, and keeps working, when storage is missing or throws', () => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
    expect(store().getState().tourAnswers).toEqual({});
    const broken = fakeStorage();
    broken.getItem = () => {
      throw new Error('blocked');
    };
    broken.setItem = () => {
      throw new Error('full');
    };
    (globalThis as { localStorage?: Storage }).localStorage = broken;
    const s = store();
    s.getState().answerTour('a', { given: '1', right: true });
    expect(s.getState().tourAnswers.a.first.right).toBe(true);
  });
});

describe('readTourAnswers', () => {
  it('keeps the well-formed answers of what storage holds, drops the rest', () => {
    expect(readTourAnswers(null)).toEqual({});
    expect(readTourAnswers('not json')).toEqual({});
    expect(readTourAnswers('[1,2]')).toEqual({});
    expect(readTourAnswers('"text"')).toEqual({});
    const mixed = {
      good: { first: { given: '1', right: false }, again: { given: '2', right: true } },
      noFirst: { again: { given: '2', right: true } },
      badRight: { first: { given: '1', right: 'yes' } },
      againAfterRight: { first: { given: '1', right: true }, again: { given: '2', right: false } },
      nothing: null,
    };
    expect(readTourAnswers(JSON.stringify(mixed))).toEqual({
      good: mixed.good,
      againAfterRight: { first: { given: '1', right: true } },
    });
  });
});
