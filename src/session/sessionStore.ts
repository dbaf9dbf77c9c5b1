import type { AppState } from '../store/appStore';

/** The store, as the session uses it (zustand's vanilla API): the page's, or a test's own. */
export interface SessionStore {
  getState(): AppState;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}
