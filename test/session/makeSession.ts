/** A session on a fresh store of its own, with the training worker run in-process. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { Session } from '../../src/session/Session';
import { createAppState, type AppState } from '../../src/store/appStore';
import { inProcessWorker, type InProcessWorker } from './inProcessWorker';

export interface TestSession {
  readonly session: Session;
  readonly store: StoreApi<AppState>;
  readonly worker: InProcessWorker;
  /** The store's state now. */
  state(): AppState;
}

/**
 * Builds and starts a session; `setup` changes the store (its state, or the store itself, e.g.
 * to apply a link) before the first scenario is built.
 */
export function makeSession(
  setup?: (state: AppState, store: StoreApi<AppState>) => void,
): TestSession {
  const store = createStore<AppState>()(createAppState);
  setup?.(store.getState(), store);
  const worker = inProcessWorker();
  const session = new Session(store, () => worker);
  session.start();
  return { session, store, worker, state: () => store.getState() };
}
