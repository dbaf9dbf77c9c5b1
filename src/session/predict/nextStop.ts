/**
 * What the playhead's next node step (`Playhead.stepNode`) will reveal, found without taking it:
 * the record backward will visit, the record forward will show, the update, or the reset. Predict
 * mode asks its question here, before the reveal. The rules are `stepNode`'s, read off the same
 * state; a unit test holds the two together event by event.
 */
import { parentCountAt } from '../../core';
import type { Scenario } from '../buildScenario';

/** A reveal predict mode can ask about. */
export type Stop =
  | { readonly kind: 'backward'; readonly tapeIndex: number }
  | { readonly kind: 'forward'; readonly tapeIndex: number }
  | { readonly kind: 'update' }
  | { readonly kind: 'reset' };

/** The next node step's reveal, or null when it reveals nothing asked about. */
export function nextStop({ playhead, spec }: Scenario): Stop | null {
  const e = playhead.stepper;
  if (playhead.phaseComplete && playhead.phase === e.restPhase && playhead.current >= 0)
    return null; // a program's rest after its last visit: no reveal
  let phase = playhead.phase;
  if (playhead.phaseComplete) {
    const next = playhead.nextPhase();
    if (next === 'update' || next === 'reset') return { kind: next };
    if (next === 'mark') return null;
    phase = next;
  }
  if (phase === 'backward') return nextVisit({ playhead, spec } as Scenario);
  // forward and loss reveal the next drawn record (forward has pushed them all, or will at mark)
  const pushed = playhead.phase !== 'mark';
  const end = !pushed
    ? Math.max(-1, ...spec.nodes.map((n) => n.tapeIndex)) + 1
    : phase === 'forward' && e.phases.includes('loss')
      ? e.forwardEnd
      : e.lossEnd;
  let k = playhead.revealed;
  while (k < end - 1 && !playhead.isShown(k)) k++;
  return k < end ? { kind: 'forward', tapeIndex: k } : null;
}

/** The record the sweep's next stop visits (the rules of `Playhead.visitNext`). */
function nextVisit({ playhead }: Scenario): Stop | null {
  const e = playhead.stepper;
  const start = playhead.phase === 'backward' ? e.backwardCursor : e.lossEnd - 1;
  const tape = e.scratch.tape;
  for (let k = start; k >= e.tapeStart; k--) {
    const passes = !playhead.skipsLeaves || parentCountAt(e.memory, tape[k]) > 0;
    if ((playhead.isShown(k) && passes) || k === e.tapeStart)
      return { kind: 'backward', tapeIndex: k };
  }
  return null;
}
