/**
 * Appends a point to the memory history each time a training step completes (the store's
 * `stats.step` grows), and empties it when the engine on screen is replaced. A step's scratch
 * bytes are its records × 32: a trainer's scratch arena holds Value records only, back to back
 * from the checkpoint at 0, so this equals the core's `StepReport.scratchBytes`.
 */
import { useEffect } from 'react';
import { VALUE_RECORD_SIZE, type Memory } from '../../core';
import { useAppStore } from '../../store/appStore';
import { getLiveEngine } from '../../store/liveEngine';

/** The engine the history belongs to and its completed steps: module state, so a remount of
 * the panel neither loses nor repeats points. */
const tracked: { memory: Memory | null; steps: number } = { memory: null, steps: 0 };

/** Appends a point if a step completed since the last call; empties the history for a new engine. */
function observe(): void {
  const live = getLiveEngine();
  const state = useAppStore.getState();
  if (live === null) return;
  if (live.memory !== tracked.memory) {
    tracked.memory = live.memory;
    tracked.steps = state.stats.step;
    if (state.memoryHistory.length > 0) state.clearMemoryHistory();
    return;
  }
  const completed = state.stats.step;
  if (completed > tracked.steps) {
    state.recordMemoryStep({
      step: completed - 1,
      scratchBytes: state.stats.stepNodes * VALUE_RECORD_SIZE,
      scratchHighWater: live.scratch.highWater,
      modelBytes: live.model.used,
    });
  }
  tracked.steps = completed;
}

/** Keeps `memoryHistory` in step with the engine. Mount once (the memory panel does). */
export function useMemoryHistory(): void {
  useEffect(() => {
    observe();
    return useAppStore.subscribe((s, prev) => {
      if (s.engineVersion !== prev.engineVersion || s.stats !== prev.stats) observe();
    });
  }, []);
}
