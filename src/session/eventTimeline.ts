/**
 * The events of one step, as a line the user can move along: event 0 is the step's start (the
 * stepper at rest), each later event one node step (`Playhead.stepNode`) after it, the last one
 * the next rest. The screen at event k is derived from k alone: put the step's start back
 * ({@link Moment}) and take k node steps, with no animation. So the screen at k is the same
 * whichever way the user got there.
 */
import type { ArenaState, DisplayPhase } from '../core';
import type { Playhead } from './playhead';

/**
 * Whether the playhead is at its stepper's rest point (a step's start or end): for a program,
 * its sweep done with no node marked (the last node's visit is the event before).
 */
export function atRest(playhead: Playhead): boolean {
  const { phase, stepper } = playhead;
  if (phase === 'ready') return true;
  return phase === stepper.restPhase && playhead.phaseComplete && playhead.current < 0;
}

/** A saved moment at rest: the arenas, the stepper and the playhead as they were. */
export interface Moment {
  /** The stepper's step count then. */
  readonly step: number;
  /** Bytes the moment holds (history keeps a budget). */
  readonly bytes: number;
  /** Puts everything back as it was. */
  restore(): void;
}

/** Saves the playhead's stepper and arenas now (call at rest). */
export function saveMoment(playhead: Playhead): Moment {
  const { stepper } = playhead;
  const arenas: [typeof stepper.model, ArenaState][] = [
    [stepper.model, stepper.model.saveState()],
    [stepper.scratch, stepper.scratch.saveState()],
  ];
  const restoreStepper = stepper.saveState();
  const { phase, revealed, current, currentIndex, updates, freed } = playhead;
  return {
    step: stepper.stepCount,
    bytes: arenas.reduce((sum, [, s]) => sum + s.bytes.length + s.tape.byteLength, 0),
    restore() {
      for (const [arena, state] of arenas) arena.restoreState(state);
      restoreStepper();
      Object.assign(playhead, { phase, revealed, current, currentIndex, updates, freed });
    },
  };
}

/**
 * Where a playhead stands, to find it on the timeline. The node backward is at is left out: a
 * phase finished by ↓ stands where its last node step stands, only with no node marked. A
 * program's rest is told apart from its last node's visit (the event before it).
 */
function signature(playhead: Playhead): string {
  const { phase, revealed, stepper } = playhead;
  const rest = atRest(playhead) ? '|rest' : '';
  return `${stepper.stepCount}|${phase}|${revealed}|${stepper.backwardCursor}${rest}`;
}

/** Safety bound on the events of one step (node steps stop only at drawn records). */
const MAX_EVENTS = 200_000;

/** One step's events: the phase at each, and where each stands. */
export class EventTimeline {
  /** The phase shown at each event (index 0: the start, at rest). */
  readonly phases: DisplayPhase[] = [];
  private readonly places = new Map<string, number>();
  /** The event the playhead stood at when the timeline was made (0 when not on it). */
  readonly nowIndex: number;

  /**
   * Runs the step from `start` to its end to learn its events (the playhead is left there). A
   * step that fails part-way ends at the event before the failure.
   */
  constructor(
    readonly start: Moment,
    private readonly playhead: Playhead,
  ) {
    const now = signature(playhead);
    start.restore();
    this.record();
    let guard = 0;
    do {
      try {
        playhead.stepNode();
      } catch {
        playhead.recover(); // the step fails here (overflow, divergence): its events end before
        break;
      }
      this.record();
    } while (!atRest(playhead) && ++guard < MAX_EVENTS);
    this.nowIndex = this.places.get(now) ?? 0;
  }

  /** The last event's index (the next rest). */
  get last(): number {
    return this.phases.length - 1;
  }

  /** Puts the playhead at event `k` (clamped): the start, then k node steps. */
  placeAt(k: number): number {
    const target = Math.max(0, Math.min(this.last, Math.round(k)));
    this.start.restore();
    for (let i = 0; i < target; i++) this.playhead.stepNode();
    return target;
  }

  /** The event the playhead stands at now, or -1 when it is not on this timeline. */
  indexOfNow(): number {
    return this.places.get(signature(this.playhead)) ?? -1;
  }

  /** The event at the end of the phase before event `k`'s (-1 when `k` is in the first). */
  phaseBefore(k: number): number {
    const phase = this.phases[k];
    let j = k - 1;
    while (j >= 0 && this.phases[j] === phase) j--;
    return j;
  }

  private record(): void {
    const k = this.phases.length;
    this.phases.push(this.playhead.phase);
    const key = signature(this.playhead);
    if (!this.places.has(key)) this.places.set(key, k);
  }
}
