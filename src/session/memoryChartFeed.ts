/**
 * Feeds the memory chart: appends a point to the store's memory history each time a training
 * step completes on screen, drops the points past the step on screen when it goes back, and
 * empties it when the memory on screen is replaced. A step's
 * scratch bytes are its records × 32: a trainer's scratch arena holds Value records only, back
 * to back from the checkpoint at 0, so this equals the core's `StepReport.scratchBytes`.
 */
import { VALUE_RECORD_SIZE, type Memory } from '../core';
import type { AppState } from '../store/appStore';
import type { OnScreenMemory } from './onScreenMemory';

export class MemoryChartFeed {
  private memory: Memory | null = null;
  private steps = 0;

  /** Call after every publish, with the screen and the store's fresh summaries. */
  observe(screen: OnScreenMemory, state: AppState): void {
    const completed = state.stats.step;
    if (screen.memory !== this.memory) {
      this.memory = screen.memory;
      this.steps = completed;
      if (state.memoryHistory.length > 0) state.clearMemoryHistory();
      return;
    }
    if (completed < this.steps && state.memoryHistory.some((p) => p.step >= completed))
      state.truncateMemoryHistory(completed); // stepped or travelled back: what was is again
    if (completed > this.steps) {
      state.recordMemoryStep({
        step: completed - 1,
        scratchBytes: state.stats.stepNodes * VALUE_RECORD_SIZE,
        scratchHighWater: screen.scratch.highWater,
        modelBytes: screen.model.used,
      });
    }
    this.steps = completed;
  }
}
