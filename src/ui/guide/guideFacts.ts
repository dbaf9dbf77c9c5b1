/**
 * The numbers the guide view's notes quote, run on the engine when the view opens (never typed
 * in): the guide's recursive backward against the tape on one shared node per level, and the
 * guide's loop with its update commented out and uncommented.
 */
import { compareBackwards, createGuideLoop, guideLoopStep } from '../../core';
import { GUIDE_BUG_PROGRAM } from '../compare/GuideBackwardPanel';

/** Levels of `x = y + y` for the "exponential" figure. */
export const DEEP_LEVELS = 30;
/** Passes of the guide's loop the note compares. */
export const LOOP_PASSES = 20;

/** What the notes say, measured. */
export interface GuideFacts {
  /** The program of the wrong-gradient example and its output and leaf names. */
  readonly program: string;
  readonly output: string;
  readonly leaf: string;
  /** d(output)/d(leaf) by the guide's backward, the tape sweep, finite differences. */
  readonly guideGrad: number;
  readonly tapeGrad: number;
  readonly finiteDifference: number;
  /** backward_internal calls, and records the tape visits, on that program. */
  readonly guideVisits: number;
  readonly tapeVisits: number;
  /** The same on {@link DEEP_LEVELS} levels: calls it would make (it is stopped), records. */
  readonly deepGuideVisits: number;
  readonly deepTapeVisits: number;
  /** The loop's loss at its first and last pass as written, and at its last with the update. */
  readonly lossFirst: number;
  readonly lossLastAsWritten: number;
  readonly lossLastWithUpdate: number;
}

/** `x0 = 1; x1 = x0 + x0; …` with `levels` shared levels. */
function doublingChain(levels: number): string {
  const statements = ['x0 = 1'];
  for (let k = 1; k <= levels; k++) statements.push(`x${k} = x${k - 1} + x${k - 1}`);
  return statements.join('; ');
}

/** The guide's loop run `LOOP_PASSES` times; its losses, first to last. */
function loopLosses(update: boolean): number[] {
  const trainer = createGuideLoop();
  return Array.from({ length: LOOP_PASSES }, () => guideLoopStep(trainer, update));
}

/** Runs the three measurements (a few milliseconds). */
export function measureGuideFacts(): GuideFacts {
  const bug = compareBackwards(GUIDE_BUG_PROGRAM, 0);
  const deep = compareBackwards(doublingChain(DEEP_LEVELS), 0, 1);
  const asWritten = loopLosses(false);
  const withUpdate = loopLosses(true);
  return {
    program: GUIDE_BUG_PROGRAM,
    output: bug.output,
    leaf: bug.leaves[bug.leaf].name,
    guideGrad: bug.guideGrad,
    tapeGrad: bug.tape,
    finiteDifference: bug.finiteDifference,
    guideVisits: bug.guide.visits,
    tapeVisits: bug.tapeVisits,
    deepGuideVisits: deep.guide.wouldVisit,
    deepTapeVisits: deep.tapeVisits,
    lossFirst: asWritten[0],
    lossLastAsWritten: asWritten[asWritten.length - 1],
    lossLastWithUpdate: withUpdate[withUpdate.length - 1],
  };
}
