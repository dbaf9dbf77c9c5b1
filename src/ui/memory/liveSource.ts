/** The live engine as the memory view reads it. */
import { getLiveEngine } from '../../store/liveEngine';
import type { SceneSource } from '../../viz/memory/scene';

/** The engine on screen, or null before the first scenario is built. */
export function liveSceneSource(): SceneSource | null {
  const live = getLiveEngine();
  if (live === null) return null;
  return {
    memory: live.memory,
    model: live.model,
    scratch: live.scratch,
    step: live.step,
    revealed: live.revealed,
  };
}
