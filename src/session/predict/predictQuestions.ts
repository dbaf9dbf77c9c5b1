/**
 * Predict mode's questions for the scenario on screen: the key each is kept under, the question
 * at a stop (built from the engine's state by the core's question builders), and which of the
 * step's gradients the screen keeps hidden until the learner has answered for them.
 */
import {
  backwardQuestion,
  forwardQuestion,
  landingOf,
  learningRateAt,
  resetQuestion,
  updateQuestion,
  VALUE_RECORD_SIZE,
  type PredictQuestion,
} from '../../core';
import type { AppState } from '../../store/appStore';
import { predictDone } from '../../store/predictSlice';
import type { Scenario } from '../buildScenario';
import { nextStop, type Stop } from './nextStop';

/** What the questions read from the store. */
export type PredictState = Pick<AppState, 'predict' | 'predictKinds' | 'predictAnswers'>;

/** The last key hashed and its hash (the hidden-gradient test asks once per node per paint). */
let lastHashed = { text: '', hash: '' };

/** A short stable hash of a graph's key (a program's text can be long). */
function hash(text: string): string {
  if (lastHashed.text === text) return lastHashed.hash;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  lastHashed = { text, hash: (h >>> 0).toString(36) };
  return lastHashed.hash;
}

/** The key a stop's answers are kept under: the graph, the step, the kind, the record. */
export function stopKey(scenario: Scenario, stop: Stop): string {
  const where = 'tapeIndex' in stop ? `|${stop.tapeIndex}` : '';
  return `${scenario.id}:${hash(scenario.spec.key)}|${scenario.stepper.stepCount}|${stop.kind}${where}`;
}

/** The record at tape index `k` as the graph names it (its label, else `#k`). */
function nameAt(scenario: Scenario, k: number): string {
  const node = scenario.spec.nodes.find((n) => n.arena === 'scratch' && n.tapeIndex === k);
  return node?.label || `#${k}`;
}

/** The question at `stop`, or null when there is none to ask there. */
export function questionAt(scenario: Scenario, stop: Stop): PredictQuestion | null {
  const { stepper, trainer } = scenario;
  const key = stopKey(scenario, stop);
  switch (stop.kind) {
    case 'backward': {
      const place = {
        memory: stepper.memory,
        tape: stepper.scratch.tape,
        tapeStart: stepper.tapeStart,
        end: stepper.lossEnd,
        nameOf: scenario.nameOf,
      };
      return backwardQuestion(place, stop.tapeIndex, key);
    }
    case 'forward': {
      const startUsed = stepper.scratch.checkpoints.at(-1)?.used ?? stepper.scratch.used;
      const landing = landingOf(stepper.scratch, stop.tapeIndex, startUsed);
      return forwardQuestion(landing, nameAt(scenario, stop.tapeIndex), key);
    }
    case 'update': {
      if (!trainer) return null;
      const weight = trainer.mlp.parameters[0];
      const rate = learningRateAt(trainer.settings, stepper.stepCount);
      const name = scenario.nameOf(weight);
      return updateQuestion(stepper.memory, stepper.model, weight, name, rate, trainer.step, key);
    }
    case 'reset':
      return resetQuestion(stepper.scratch, key);
  }
}

/** The question the next node step must wait for: asked, not yet answered; else null. */
export function pendingQuestion(scenario: Scenario, state: PredictState): PredictQuestion | null {
  if (!state.predict) return null;
  const stop = nextStop(scenario);
  if (!stop || !state.predictKinds[stop.kind]) return null;
  if ('tapeIndex' in stop && !scenario.playhead.isShown(stop.tapeIndex)) return null;
  if (predictDone(state.predictAnswers[stopKey(scenario, stop)])) return null;
  return questionAt(scenario, stop);
}

/** The question at the next stop whatever its state (stepping back shows what was answered). */
export function questionAhead(scenario: Scenario, state: PredictState): PredictQuestion | null {
  if (!state.predict) return null;
  const stop = nextStop(scenario);
  if (!stop || !state.predictKinds[stop.kind]) return null;
  return predictDone(state.predictAnswers[stopKey(scenario, stop)])
    ? questionAt(scenario, stop)
    : null;
}

/**
 * Which records' gradients the screen must not show yet (the graph's boxes and names, its edges,
 * the record decoder and the chain-rule panel read this one predicate): while predict mode asks
 * backward questions, from forward until the sweep is done (and in the playground's opening
 * step), every record of the step not yet visited whose question is not answered or revealed.
 * Null: none hidden.
 */
export function hiddenGradients(
  scenario: Scenario,
  state: Partial<PredictState>,
): ((address: number) => boolean) | null {
  const answers = state.predictAnswers ?? {};
  if (!state.predict || !state.predictKinds?.backward) return null;
  const { playhead, stepper } = scenario;
  const phase = playhead.phase;
  const sweeping = phase === 'backward' && !playhead.phaseComplete;
  // The playground opens evaluated (its first sweep ran while it was built, asking nothing):
  // its gradients stay hidden until a question has them answered or shown.
  const opened = scenario.opening !== null && stepper.stepCount === 0 && !sweeping;
  if (phase !== 'forward' && phase !== 'loss' && !sweeping && !opened) return null;
  const visitedFrom = sweeping ? stepper.backwardCursor + 1 : Infinity;
  const { base, capacity } = stepper.scratch;
  return (address) => {
    const offset = address - base;
    // The scratch arena holds Value records only, back to back: offset / 32 is the tape index.
    if (offset < 0 || offset >= capacity || offset % VALUE_RECORD_SIZE !== 0) return false;
    const k = offset / VALUE_RECORD_SIZE;
    if (k < stepper.tapeStart || k >= stepper.lossEnd || k >= visitedFrom) return false;
    const key = stopKey(scenario, { kind: 'backward', tapeIndex: k });
    return !predictDone(answers[key]);
  };
}
