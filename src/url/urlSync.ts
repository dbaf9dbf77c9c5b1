/**
 * The link and the store, kept together: on startup the link's state goes into the store (and
 * what it ignored into the URL note); afterwards every change of the shareable state is written
 * back to the address bar with `history.replaceState` (once it settles, no reload, no history
 * entry).
 */
import type { AppState } from '../store/appStore';
import { decodeState, encodeState, type DecodedState, type UrlState } from './codec';
import { useUrlNote } from './urlNote';
import { decodeView } from './viewParams';

/** The store, as URL sync uses it (zustand's vanilla API). */
export interface UrlStore {
  getState(): AppState;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

/** Where the URL lives: `window.location` and `window.history` in the page. */
export interface UrlHost {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url: string): void };
}

/**
 * The address bar is rewritten once the shareable state has been still this long. While
 * playing it is not rewritten at all (`replaceState` can cost a frame): it catches up on pause.
 */
export const URL_WRITE_DELAY_MS = 300;

/**
 * Applies the link in `search` to the store (scenario, training setup, program, datapoint) and
 * reports what it ignored in the URL note. Returns the step the link asks for (0 for none):
 * the session's `placeAt` brings the model there once it has started.
 */
export function applyLink(store: UrlStore, search: string): number {
  const { state, ignored } = decodeState(search);
  const view = decodeView(search);
  useUrlNote.getState().setIgnored([...ignored, ...view.ignored]);
  applyDecoded(store, state);
  const { chapter, presenter, predict, ...options } = view.view;
  store.getState().setViewOptions(options);
  if (presenter && !store.getState().presenter) store.getState().togglePresenter();
  if (predict) store.getState().setPredict(true);
  if (chapter !== undefined) store.getState().setTour(chapter - 1);
  return state.scenario === 'playground' ? 0 : (state.step ?? 0);
}

/** Puts decoded state into the store. */
export function applyDecoded(store: UrlStore, state: DecodedState): void {
  const s = store.getState();
  if (state.training) s.setTraining(state.training);
  if (state.program !== undefined) s.setProgram(state.program);
  if (state.datapoint !== undefined) s.setDatapoint(state.datapoint);
  if (state.scenario !== undefined && state.scenario !== s.scenario) s.setScenario(state.scenario);
}

/** The shareable part of the store. A step still being reached counts as that step. */
export function urlStateOf(s: AppState): UrlState {
  return {
    scenario: s.scenario,
    training: s.training,
    program: s.program,
    datapoint: s.datapoint,
    step: s.workbench.targetStep ?? s.stats.step,
    view: {
      ...s.viewOptions,
      ...(s.presenter ? { presenter: true } : {}),
      ...(s.predict ? { predict: true } : {}),
      ...(s.tourChapter === null ? {} : { chapter: s.tourChapter + 1 }),
    },
  };
}

/** The page's address for `state` (path, query, hash). */
export function urlOf(host: UrlHost, state: UrlState): string {
  const query = encodeState(state);
  return `${host.location.pathname}${query ? `?${query}` : ''}${host.location.hash}`;
}

/** Follows the store and rewrites the address bar when the shareable state settles. */
export function keepUrlInSync(store: UrlStore, host: UrlHost): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    timer = null;
    const url = urlOf(host, urlStateOf(store.getState()));
    const { pathname, search, hash } = host.location;
    if (url !== `${pathname}${search}${hash}`) host.history.replaceState(null, '', url);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing) return;
    const changed =
      prev.playing ||
      s.scenario !== prev.scenario ||
      s.training !== prev.training ||
      s.program !== prev.program ||
      s.datapoint !== prev.datapoint ||
      s.workbench.targetStep !== prev.workbench.targetStep ||
      s.tourChapter !== prev.tourChapter ||
      s.presenter !== prev.presenter ||
      s.predict !== prev.predict ||
      s.stats.step !== prev.stats.step;
    if (!changed) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, URL_WRITE_DELAY_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
