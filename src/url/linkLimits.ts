/**
 * What a shared link may ask for: the allowed values of every URL parameter. The training
 * setup's bounds are the workbench's own (`src/workbench/limits.ts`), so a link can ask for
 * exactly what the setup controls can; anything outside them is ignored and reported.
 */
import type { Activation, LossKind, Schedule } from '../core';
import type { ScenarioId } from '../store/scenarioSlice';
import type { TrainingConfig } from '../store/trainingSlice';
import { LIMITS as SETUP } from '../workbench/limits';

export { setupProblem } from '../workbench/limits';

export const SCENARIOS: readonly ScenarioId[] = ['guide', 'playground', 'mlp'];
export const DATASETS: readonly TrainingConfig['dataset'][] = ['moons', 'circles', 'xor', 'spiral'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'linear'];
export const LOSSES: readonly LossKind[] = ['hinge', 'mse'];
export const SCHEDULES: readonly Schedule[] = ['decay', 'constant'];

/** Numeric ranges, inclusive. */
export const LIMITS = {
  points: SETUP.points,
  noise: SETUP.noise,
  seed: SETUP.seed,
  /** Hidden layers, and neurons in each. */
  hiddenLayers: SETUP.layers,
  neurons: SETUP.neurons,
  learningRate: SETUP.learningRate,
  step: { min: 0, max: 1_000_000 },
  /** Characters of the playground program. */
  program: { max: 10_000 },
} as const;
