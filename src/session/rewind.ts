/**
 * Stepping back: one node (← or Backspace), one phase (↑), or to any event of the step (the
 * event slider), and across steps through the starts of earlier steps. It keeps the start of
 * the step on screen ({@link Moment}) and, for the guide's example and the playground, the
 * starts of earlier steps within a memory budget; the MLP goes back a step through its run's
 * history instead (`travelBack`), so that history stays the one record of its run.
 */
import { EventTimeline, atRest, saveMoment, type Moment } from './eventTimeline';
import type { Scenario } from './buildScenario';
import type { Playhead } from './playhead';

/** Bytes of earlier steps' starts kept for stepping back across steps. */
const HISTORY_BYTES = 32 * 1024 * 1024;

/** Where the playhead stands on its step's events, for the slider. */
export interface TimelineSummary {
  readonly index: number;
  readonly last: number;
}

/** What the rewind needs from the session. */
interface RewindHost {
  /** The playhead of the scenario on screen (null when none). */
  playhead(): Playhead | null;
  /** Puts the model at rest at the start of step `step` by other means (the MLP), or false. */
  travelBack(step: number): boolean;
  /** Whether the scenario keeps its own history of steps (the MLP's run). */
  keepsHistory(): boolean;
}

/** Keeps the step's start and earlier steps' starts; moves the playhead along the events. */
export class Rewind {
  private start: Moment | null = null;
  private timeline: EventTimeline | null = null;
  /** The playhead's event index on the current timeline, when known without looking. */
  private position: number | null = null;
  private readonly earlier = new Map<number, Moment>();

  private readonly host: RewindHost;

  /**
   * For the scenario on screen of `owner` (the session); the MLP goes back a step through its
   * training run's time travel (it keeps no starts of its own).
   */
  constructor(owner: {
    readonly scenario: Scenario | null;
    readonly training: { placeAt(step: number): void };
  }) {
    const mlp = () => owner.scenario?.id === 'mlp';
    this.host = {
      playhead: () => owner.scenario?.playhead ?? null,
      keepsHistory: mlp,
      travelBack: (step) => mlp() && (owner.training.placeAt(step), true),
    };
  }

  /** Before the playhead moves forward: a step leaving rest has its start saved. */
  beforeAct(): void {
    const playhead = this.host.playhead();
    if (!playhead || !atRest(playhead)) return;
    if (this.start && this.position === 0) return;
    this.begin(playhead);
  }

  /** After the playhead moved: one node step is one event; anything else is looked up later. */
  afterAct(oneNode: boolean): void {
    this.position = oneNode && this.position !== null ? this.position + 1 : null;
  }

  /** Everything kept is void (a new scenario, weights edited, time travel, an error). */
  forget(): void {
    this.start = null;
    this.timeline = null;
    this.position = null;
    this.earlier.clear();
  }

  /**
   * A new scenario whose first step was taken while it was built (the playground opens
   * evaluated): that step's start becomes the step on screen's, so the slider stands at its end.
   * With none, everything kept is void, as in {@link forget}.
   */
  adopt(opening: Moment | null): void {
    this.forget();
    if (!opening) return;
    this.start = opening;
    this.keep(opening);
  }

  /** What is drawn changed (node steps stop elsewhere): recompute the events from the start. */
  redraw(): void {
    this.timeline = null;
    this.position = null;
  }

  /** The slider's position and length (computes the step's events once per step). */
  summary(): TimelineSummary | null {
    const timeline = this.ensure();
    if (!timeline) return null;
    return { index: this.position ?? 0, last: timeline.last };
  }

  /** Puts the playhead at event `k` of the step on screen. */
  placeAt(k: number): boolean {
    const timeline = this.ensure();
    if (!timeline) return false;
    this.position = timeline.placeAt(k);
    return true;
  }

  /** One event back; from a step's start, to the last event before the previous step's end. */
  backNode(): boolean {
    const timeline = this.ensure();
    if (!timeline) return false;
    const k = this.position ?? 0;
    if (k > 0) return this.placeAt(k - 1);
    const previous = this.previousStep();
    return previous ? this.placeAt(previous.last - 1) : false;
  }

  /** Back to the end of the phase before the current one (across a step's start too). */
  backPhase(): boolean {
    const timeline = this.ensure();
    if (!timeline) return false;
    const j = timeline.phaseBefore(this.position ?? 0);
    if (j >= 0) return this.placeAt(j);
    const previous = this.previousStep();
    return previous ? this.placeAt(previous.phaseBefore(previous.last)) : false;
  }

  private begin(playhead: Playhead): void {
    this.start = saveMoment(playhead);
    this.timeline = null;
    this.position = 0;
    this.keep(this.start);
  }

  /** The timeline of the step on screen (saving its start when the playhead is at rest). */
  private ensure(): EventTimeline | null {
    const playhead = this.host.playhead();
    if (!playhead) return null;
    if (!this.start) {
      if (!atRest(playhead)) return null;
      this.begin(playhead);
    }
    if (this.timeline && this.position === null) {
      const k = this.timeline.indexOfNow();
      if (k >= 0) this.position = k;
      else this.timeline = null; // not on it (what node steps stop at changed): learn it again
    }
    if (!this.timeline) {
      const timeline = new EventTimeline(this.start!, playhead);
      this.position = timeline.placeAt(this.position ?? timeline.nowIndex);
      this.timeline = timeline;
    }
    return this.timeline;
  }

  /** Makes the previous step the one on screen, standing at its end; null when none is kept. */
  private previousStep(): EventTimeline | null {
    const playhead = this.host.playhead();
    const step = this.start?.step ?? 0;
    if (!playhead || step <= 0) return null;
    const kept = this.earlier.get(step - 1);
    if (kept) {
      this.start = kept;
    } else {
      if (!this.host.travelBack(step - 1)) return null;
      this.start = saveMoment(playhead);
    }
    this.timeline = new EventTimeline(this.start, playhead);
    this.position = this.timeline.last;
    return this.timeline;
  }

  private keep(moment: Moment): void {
    if (this.host.keepsHistory()) return;
    this.earlier.set(moment.step, moment);
    let total = 0;
    for (const m of this.earlier.values()) total += m.bytes;
    for (const [step, m] of this.earlier) {
      if (total <= HISTORY_BYTES) break;
      this.earlier.delete(step);
      total -= m.bytes;
    }
  }
}
