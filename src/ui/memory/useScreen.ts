import type { OnScreenMemory } from '../../session/onScreenMemory';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';

/**
 * The session's memory on screen, re-rendering the calling component only when
 * `keyOf(screen)` changes. The memory changes every frame while a step plays (`memoryVersion`),
 * but a panel's text usually does not: a primitive key compared by zustand keeps React out of
 * those frames (an atomic selector).
 */
export function useScreen(keyOf: (screen: OnScreenMemory) => string): OnScreenMemory | null {
  const session = useSession();
  useAppStore((s) => {
    void s.memoryVersion; // re-evaluated on every memory change, compared by value
    const screen = session.screen;
    return screen === null ? '' : keyOf(screen);
  });
  return session.screen;
}
