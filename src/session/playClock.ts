/**
 * The play clock: how many node steps are due at each animation frame for a speed in nodes per
 * second, with a budget that carries fractions from frame to frame (and never more than one
 * step of debt, so a stalled tab does not burst).
 */

/** Most node steps taken in one frame, however long the frame was. */
export const MAX_NODE_STEPS_PER_FRAME = 8;

export class PlayClock {
  private budget = 0;
  private lastTick = -1;

  /** Starts counting afresh (play started, or the speed changed): one step is due at once. */
  restart(): void {
    this.lastTick = -1;
  }

  /** Node steps due at time `now` (ms) at `nodesPerSecond`. Call once per frame. */
  due(now: number, nodesPerSecond: number): number {
    if (this.lastTick < 0) this.budget = 1;
    else this.budget += ((now - this.lastTick) * nodesPerSecond) / 1000;
    this.lastTick = now;
    const steps = Math.min(Math.floor(this.budget), MAX_NODE_STEPS_PER_FRAME);
    this.budget = Math.min(this.budget - steps, 1);
    return steps;
  }
}
