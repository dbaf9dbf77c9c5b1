/**
 * One animation frame of play on the main thread: whole steps (the fast speeds) or node steps
 * at the chosen rate, and the paced backward (↓ into backward plays the sweep node by node).
 */
import type { PlayClock } from './playClock';
import type { Playhead, PlayheadEvent } from './playhead';
import { SPEEDS } from './playSpeeds';

/** What a frame of play needs from the session. */
export interface TickHost {
  readonly clock: PlayClock;
  /** Runs one playhead action without publishing; false when it failed. */
  act(action: (p: Playhead) => PlayheadEvent, now: number, oneNode: boolean): boolean;
  publish(): void;
  playhead(): Playhead | null;
}

/** Nodes per second of a paced backward when the chosen speed plays whole steps. */
export const PACED_MAX_NODES = 150;

/** One frame of play at speed `speedIndex`. */
export function playTick(host: TickHost, now: number, speedIndex: number): void {
  const speed = SPEEDS[speedIndex] ?? SPEEDS[0];
  let acted = false;
  if (speed.stepsPerFrame > 0) {
    for (let k = 0; k < speed.stepsPerFrame; k++)
      acted = host.act((p) => p.stepWhole(), now, false) || acted;
  } else {
    for (let n = host.clock.due(now, speed.nodesPerSecond); n > 0; n--) {
      if (!host.act((p) => p.stepNode(), now, true)) break;
      acted = true;
    }
  }
  if (acted) host.publish();
}

/**
 * The paced backward: ↓ into backward plays the sweep node by node at the chosen speed, Space
 * pauses it, ↓ again skips to the end of the phase.
 */
export class PacedBackward {
  /** Whether the sweep is being played now. */
  active = false;

  constructor(private readonly host: TickHost) {}

  /**
   * A ↓ press: when it enters backward, takes its first node (`firstNode`) and starts playing;
   * returns whether it did (else the press is an ordinary phase step, which also ends a play).
   */
  start(firstNode: () => boolean): boolean {
    const playhead = this.host.playhead();
    const enters = !this.active && playhead?.phaseComplete && playhead.nextPhase() === 'backward';
    this.active = false;
    if (!enters || !firstNode()) return false;
    this.active = !this.host.playhead()?.phaseComplete;
    this.host.clock.restart();
    return true;
  }

  /** One frame of the play; returns whether it goes on (the phase is not done). */
  tick(now: number, speedIndex: number): boolean {
    const perSecond = (SPEEDS[speedIndex] ?? SPEEDS[0]).nodesPerSecond || PACED_MAX_NODES;
    let acted = false;
    for (let n = this.host.clock.due(now, perSecond); n > 0 && this.active; n--) {
      const host = this.host;
      this.active = host.act((p) => p.stepNode(), now, true) && !host.playhead()?.phaseComplete;
      acted = true;
    }
    if (acted) this.host.publish();
    return this.active;
  }
}
