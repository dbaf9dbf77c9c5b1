/**
 * Predict mode's part of the session ("Your turn"): the step keys go node by node and stop
 * before a reveal that has a question, which the store then holds (`predictQuestion`) for the
 * prompt to show. Answering, revealing, and the next press (which takes the reveal) come back
 * here. In class mode (presenter mode with predict on) the question has no field: the step key
 * first shows the answer and the why, then goes on.
 */
import { gradePrediction, type PredictGrade } from '../../core';
import { predictDone } from '../../store/predictSlice';
import type { Scenario } from '../buildScenario';
import { atRest } from '../eventTimeline';
import type { SessionStore } from '../sessionStore';
import { pendingQuestion, questionAhead } from './predictQuestions';

/** How far a step key goes: one node, one phase, one whole step. */
export type StepGrain = 'node' | 'phase' | 'whole';

/** What the turn needs from the session. */
export interface TurnHost {
  readonly store: SessionStore;
  scenario(): Scenario | null;
  /** One node step through the session (publishing when asked); false when it failed. */
  stepNode(publish: boolean): boolean;
  publish(): void;
}

/** Safety bound on the node steps of one key press. */
const MAX_NODE_STEPS = 200_000;

/** Predict mode's stops, answers and reveals. */
export class PredictTurn {
  /** While set, the step keys step as if predict mode were off (a tour chapter's setting up). */
  private quiet = false;

  constructor(private readonly host: TurnHost) {}

  /** Runs `moves` without stopping to ask: what a tour chapter does to set its scene. */
  without(moves: () => void): void {
    this.quiet = true;
    try {
      moves();
    } finally {
      this.quiet = false;
    }
    this.moved();
  }

  /** A new run (rebuilt scenario or program): its questions are asked again. */
  restarted(): void {
    this.host.store.getState().forgetPredictions();
    this.moved();
  }

  /** Handles a step key while predict mode is on; returns false when it is off. */
  step(grain: StepGrain): boolean {
    const state = this.host.store.getState();
    const scenario = this.host.scenario();
    if (!state.predict || this.quiet) return false;
    if (!scenario) return true;
    const open = state.predictQuestion;
    if (open && !predictDone(state.predictAnswers[open.key])) {
      // The question waits for its answer; in class the teacher's key shows it.
      if (state.presenter) this.reveal();
      return true;
    }
    const { playhead } = scenario;
    const startPhase = playhead.phase;
    const startComplete = playhead.phaseComplete;
    const reached = (): boolean => {
      if (grain === 'node') return true;
      if (grain === 'whole') return atRest(playhead);
      return playhead.phaseComplete && (playhead.phase !== startPhase || !startComplete);
    };
    let moved = false;
    if (open) {
      state.setPredictQuestion(null); // its reveal is this step
      if (!this.host.stepNode(grain === 'node')) return true;
      moved = true;
    }
    for (let n = 0; n < MAX_NODE_STEPS && !(moved && reached()); n++) {
      const question = pendingQuestion(scenario, this.host.store.getState());
      if (question) {
        this.host.store.getState().setPredictQuestion(question);
        this.host.publish();
        return true;
      }
      if (!this.host.stepNode(grain === 'node')) return true;
      moved = true;
    }
    if (grain !== 'node') this.host.publish();
    return true;
  }

  /** Grades a typed answer to the open question (null when none is open). */
  answer(text: string): PredictGrade | null {
    const state = this.host.store.getState();
    const question = state.predictQuestion;
    if (!question) return null;
    const grade = gradePrediction(question, text);
    if (grade.ok) {
      state.answerPrediction(question.key, { given: text.trim(), right: grade.right });
      this.host.publish();
    }
    return grade;
  }

  /** Shows the open question's answer (skipped, not wrong). */
  reveal(): void {
    const state = this.host.store.getState();
    const question = state.predictQuestion;
    if (!question) return;
    state.revealPrediction(question.key);
    this.host.publish();
  }

  /**
   * The playhead moved some other way (back, a rebuild): no question is open, except the one
   * just ahead when it was answered already (stepping back shows the answer, never asks twice).
   */
  moved(): void {
    const state = this.host.store.getState();
    const scenario = this.host.scenario();
    const ahead = scenario ? questionAhead(scenario, state) : null;
    if (state.predictQuestion?.key !== ahead?.key) state.setPredictQuestion(ahead);
  }
}
