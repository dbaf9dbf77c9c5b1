/**
 * What a shared link may ask for. The training setup's bounds are the setup's own
 * (`src/setup/trainingLimits.ts`), so a link can ask for exactly what the setup controls can;
 * anything outside them is ignored and reported.
 */
import { TRAINING_LIMITS } from '../setup';

/** Numeric ranges, inclusive. */
export const LINK_LIMITS = {
  points: TRAINING_LIMITS.points,
  noise: TRAINING_LIMITS.noise,
  seed: TRAINING_LIMITS.seed,
  /** Hidden layers, and neurons in each. */
  hiddenLayers: TRAINING_LIMITS.layers,
  neurons: TRAINING_LIMITS.neurons,
  learningRate: TRAINING_LIMITS.learningRate,
  /** Learning-rate changes (`lrat`): how many, their steps, and the characters of the list. */
  rateChanges: TRAINING_LIMITS.rateChanges,
  changeStep: TRAINING_LIMITS.changeStep,
  rateText: { max: 2000 },
  step: { min: 0, max: 1_000_000 },
  /** Characters of the playground program. */
  program: { max: 10_000 },
} as const;
