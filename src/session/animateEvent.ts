/** How one playhead event is animated on the graph: a pulse for a visit, a sweep for a phase. */
import type { GraphAnimations } from '../viz/graph/GraphAnimations';
import type { PlayheadEvent } from './playhead';
import { SPEEDS, pulseDuration, type Speed } from './playSpeeds';

/**
 * Starts the animation of `event` at `now`; returns whether one started (the session then runs
 * its animation loop). A visit pulses the node (shorter while playing fast, none at all past
 * what the eye follows); a finished backward sweep replays down the graph unless playing.
 */
export function animateEvent(
  animations: GraphAnimations,
  event: PlayheadEvent,
  speed: Speed,
  playing: boolean,
  nodeCount: number,
  now: number,
): boolean {
  if (event.kind === 'visit') {
    const duration = playing ? pulseDuration(speed) : 450;
    if (duration > 0) animations.pulse(event.address, duration, now);
    return true;
  }
  if (event.kind === 'sweep' && !playing) {
    animations.sweep(event.from, event.to, Math.min(1600, Math.max(500, nodeCount * 45)), now);
    return true;
  }
  return false;
}

/** {@link animateEvent} at the store's speed, for the scenario on screen. */
export function animateOn(
  animations: GraphAnimations,
  event: PlayheadEvent,
  state: { speed: number; playing: boolean },
  scenario: { spec: { nodes: readonly unknown[] } } | null,
  now: number,
): boolean {
  const speed = SPEEDS[state.speed] ?? SPEEDS[0];
  const nodes = scenario?.spec.nodes.length ?? 0;
  return animateEvent(animations, event, speed, state.playing, nodes, now);
}
