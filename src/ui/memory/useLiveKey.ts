import { useAppStore } from '../../store/appStore';
import { getLiveEngine, type LiveEngine } from '../../store/liveEngine';

/**
 * Re-renders the calling component only when `keyOf(liveEngine)` changes. The engine changes
 * every frame while a step plays (`engineVersion`), but a panel's text usually does not: a
 * primitive key compared by zustand keeps React out of those frames (an atomic selector).
 */
export function useLiveKey(keyOf: (live: LiveEngine) => string): void {
  useAppStore((s) => {
    void s.engineVersion; // re-evaluated on every engine change, compared by value
    const live = getLiveEngine();
    return live === null ? '' : keyOf(live);
  });
}
