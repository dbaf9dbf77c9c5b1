/**
 * Presets: whole training setups with a name, chosen in the workbench or by link
 * (`preset=micrograd`). `micrograd` is micrograd's demo notebook's run: its 100 points, its
 * initial weights (Python's `random.seed(1337)`), 2-16-16-1 relu, hinge + L2 1e-4, lr 1.0
 * decaying over 100 steps. The notebook printed that run's loss and accuracy at steps 0–99; the
 * workbench shows them beside ours while the setup is the preset's.
 */
import { MICROGRAD_NOTEBOOK, NOTEBOOK_ACCURACY_PERCENT, NOTEBOOK_LOSSES } from '../core';
import { DEFAULT_TRAINING, sameRun, type TrainingConfig } from './training';

/** The presets, by the name a link gives them. */
export const PRESET_NAMES = ['micrograd'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Each preset's setup. */
export const PRESETS: Readonly<Record<PresetName, TrainingConfig>> = {
  micrograd: {
    ...DEFAULT_TRAINING,
    dataset: 'micrograd-moons',
    points: MICROGRAD_NOTEBOOK.points,
    noise: MICROGRAD_NOTEBOOK.noise,
    seed: MICROGRAD_NOTEBOOK.seed,
    weightInit: MICROGRAD_NOTEBOOK.weightInit,
    hidden: MICROGRAD_NOTEBOOK.sizes.slice(1, -1),
    activation: MICROGRAD_NOTEBOOK.activation,
    loss: MICROGRAD_NOTEBOOK.loss,
    learningRate: MICROGRAD_NOTEBOOK.learningRate,
    schedule: MICROGRAD_NOTEBOOK.schedule,
    rateSegments: [],
  },
};

/** How each preset is named on screen. */
export const PRESET_LABELS: Readonly<Record<PresetName, string>> = {
  micrograd: 'micrograd notebook',
};

/** The preset whose run `config` is exactly, or null. */
export function presetOf(config: TrainingConfig): PresetName | null {
  return PRESET_NAMES.find((name) => sameRun(config, PRESETS[name])) ?? null;
}

/**
 * Whether `config` starts from a preset's data and weights (it may have changed the rest): a
 * link then says `preset=…` and only what differs from it.
 */
export function presetBaseOf(config: TrainingConfig): PresetName | null {
  return (
    PRESET_NAMES.find(
      (name) =>
        config.dataset === PRESETS[name].dataset && config.weightInit === PRESETS[name].weightInit,
    ) ?? null
  );
}

/** One line of micrograd's notebook's printout: `step k loss L, accuracy A%`. */
export interface NotebookLine {
  step: number;
  loss: number;
  /** As printed: `acc*100`, with acc the fraction of points classified right. */
  accuracyPercent: number;
}

/** Steps the notebook printed (0 to this − 1). */
export const NOTEBOOK_STEPS = NOTEBOOK_LOSSES.length;

/** The notebook's printed line for step `k`, or null outside 0..99. */
export function notebookLine(k: number): NotebookLine | null {
  if (!Number.isInteger(k) || k < 0 || k >= NOTEBOOK_STEPS) return null;
  return { step: k, loss: NOTEBOOK_LOSSES[k], accuracyPercent: NOTEBOOK_ACCURACY_PERCENT[k] };
}
