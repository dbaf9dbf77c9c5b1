/**
 * Time travel: puts the trainer on screen at any state of its run's history. A state that was
 * kept is written back; one that was not is reached by restoring the nearest earlier one and
 * training forward (a step is deterministic: the same numbers again). The last step is taken
 * through the playhead, so the arenas, the graph and the caption show a real step.
 */
import { trainStep, writeParameters, type StepReport, type Trainer } from '../../core';
import type { Scenario } from '../buildScenario';
import type { Playhead } from '../playhead';
import type { TrainerStepper } from '../trainerStepper';
import type { RunHistory } from './runHistory';

/** The trainer on screen, as time travel moves it. */
export interface TrainerOnScreen {
  readonly trainer: Trainer;
  readonly stepper: TrainerStepper;
  readonly playhead: Playhead;
}

/** The MLP trainer on screen, as time travel moves it, or null in another scenario. */
export function trainerOnScreen(scenario: Scenario | null): TrainerOnScreen | null {
  if (!scenario || scenario.id !== 'mlp' || !scenario.trainerStepper) return null;
  const { trainerStepper: stepper, playhead } = scenario;
  return { trainer: stepper.trainer, stepper, playhead };
}

/**
 * Puts the trainer at state `step` (≤ the history's length): from the nearest kept state it
 * replays to `step − 1` (at most `maxReplay` steps), then takes the last step through the
 * playhead. Returns false, changing nothing, when that would take more than `maxReplay` steps.
 * If the last step fails (it ran before, so it should not), the state is shown directly and the
 * error rethrown.
 */
export function travelTo(
  on: TrainerOnScreen,
  history: RunHistory,
  step: number,
  maxReplay: number,
): boolean {
  const { trainer, stepper, playhead } = on;
  const kept = history.nearestState(Math.max(0, step - 1));
  if (step - 1 - kept.state > maxReplay) return false;
  playhead.recover();
  stepper.jumpTo(kept.state, kept.parameters);
  while (trainer.step < step - 1) trainStep(trainer);
  playhead.rest();
  if (step === 0) return true;
  try {
    playhead.stepWhole();
  } catch (error) {
    playhead.recover();
    showState(on, history, step, history.nearestState(step).parameters);
    throw error;
  }
  // A state edited by hand (weights typed or imported) is not what the step computes: its loss
  // is the same (computed before the update), its result is the one the history kept. (A rate
  // change needs no such care: the rate plan in the settings replays every step as it ran.)
  const after = history.nearestState(step);
  if (after.state === step) writeParameters(trainer.memory, trainer.mlp, after.parameters);
  return true;
}

/**
 * Shows state `step` with `weights` as they are (no step taken): the last step's report comes
 * from the history, with `extra` (the worker's measured bytes and records) laid over it.
 */
export function showState(
  on: TrainerOnScreen,
  history: RunHistory,
  step: number,
  weights: ArrayLike<number>,
  extra?: Partial<StepReport>,
): void {
  const { trainer, stepper, playhead } = on;
  stepper.jumpTo(step, weights);
  stepper.showReport(
    step > 0
      ? {
          ...trainer.report,
          ...extra,
          step: step - 1,
          loss: history.lossAt(step - 1),
          accuracy: history.accuracyAt(step - 1),
        }
      : null,
  );
  playhead.rest();
}
