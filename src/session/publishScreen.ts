/**
 * Publishing the scenario's moment to the views: the memory on screen (reused while the memory
 * is the same), the store's low-rate summaries (phase, caption, stats: set only when they
 * changed), and the chain-rule panel's text.
 */
import { ExpressionError, VALUE_RECORD_SIZE, type StepWindow } from '../core';
import type { StepTimeline } from '../store/timelineSlice';
import type { AppState } from '../store/appStore';
import type { Scenario } from './buildScenario';
import type { OnScreenMemory } from './onScreenMemory';
import { codeMomentOf } from './code/codeLine';
import { hiddenGradients } from './predict/predictQuestions';
import { captionOf, chainRuleOf, statsOf } from './screenSummary';

/**
 * Updates `holder.screen` (or gives it a new one for a new memory), then the store and the
 * panel. The screen is in place before the store announces the change (`touchMemory`): the
 * memory panels read `holder.screen` from inside that announcement.
 */
export function publishScreen(
  scenario: Scenario,
  holder: { screen: OnScreenMemory | null },
  state: AppState,
  chainRulePanel: HTMLElement | null | undefined,
): void {
  const { stepper, playhead } = scenario;
  const screen = holder.screen;
  const next: OnScreenMemory =
    screen && screen.memory === stepper.memory
      ? screen
      : {
          memory: stepper.memory,
          model: stepper.model,
          scratch: stepper.scratch,
          step: null,
          revealed: 0,
          plannedScratchBytes: 0,
          gradientHidden: null,
        };
  next.step = stepper.phasedStep ?? programWindow(scenario);
  const revealing = playhead.phase === 'forward' || playhead.phase === 'loss';
  next.revealed = revealing ? playhead.revealed : stepper.scratch.tapeLength;
  next.gradientHidden = hiddenGradients(scenario, state);
  holder.screen = next;
  state.touchMemory();
  const caption = captionOf(scenario);
  const stats = statsOf(scenario);
  // The scratch arena holds Value records only, back to back from the step's checkpoint.
  next.plannedScratchBytes = (stepper.tapeStart + stats.stepNodes) * VALUE_RECORD_SIZE;
  if (state.phase !== playhead.phase || state.caption !== caption || !sameStats(state.stats, stats))
    state.setView({ phase: playhead.phase, caption, stats });
  if (state.builtProgram !== scenario.source) state.setView({ builtProgram: scenario.source });
  const code = codeMomentOf(scenario);
  if (code?.line !== state.codeLine?.line || code?.note !== state.codeLine?.note)
    state.setCodeLine(code);
  if (chainRulePanel) {
    const text = chainRuleOf(scenario, next.gradientHidden).join('\n');
    if (chainRulePanel.textContent !== text) chainRulePanel.textContent = text;
  }
}

function sameStats(a: object, b: object): boolean {
  const x = a as Record<string, number>;
  const y = b as Record<string, number>;
  return Object.keys(y).every((k) => Object.is(x[k], y[k]));
}

/**
 * The playground has no phased step; its window (tape range and sweep cursor) still lets the
 * memory view show the backward cursor walking down the scratch region.
 */
function programWindow({ stepper, playhead }: Scenario): StepWindow | null {
  if (playhead.phase !== 'backward') return null;
  return {
    phase: 'backward',
    tapeStart: stepper.tapeStart,
    lossEnd: stepper.lossEnd,
    backwardCursor: stepper.backwardCursor,
  };
}

/** Writes the event slider's summary when it changed. */
export function publishTimeline(state: AppState, timeline: StepTimeline | null): void {
  if (timeline?.index !== state.timeline?.index || timeline?.last !== state.timeline?.last)
    state.setTimeline(timeline);
}

/**
 * Shows an error: a program's at its line and column, anything else in the banner (and play
 * pauses). Returns whether the screen should be published again.
 */
export function showError(state: AppState, error: unknown): boolean {
  if (error instanceof ExpressionError) {
    const { reason: message, line, column } = error;
    state.setView({ expressionError: { message, line, column } });
    return false;
  }
  state.setPlaying(false);
  state.setView({ error: error instanceof Error ? error.message : String(error) });
  return true;
}
