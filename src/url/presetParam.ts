/**
 * The `preset` parameter and stored datasets in a link. `preset=micrograd` sets the whole
 * training setup to micrograd's notebook's run; the link's other training parameters then say
 * what differs from it (`?scenario=mlp&preset=micrograd&lr=0.5`). A stored dataset
 * (`data=micrograd-moons`) has its own points and noise: a link that asks for others is told so.
 */
import {
  DEFAULT_TRAINING,
  PRESETS,
  presetBaseOf,
  withStoredData,
  type PresetName,
  type TrainingConfig,
} from '../setup';
import type { IgnoredParameter } from './codec';

/** The setup a link's training parameters are written against: a preset's, or the default. */
export function linkBase(config: TrainingConfig): {
  preset: PresetName | null;
  base: TrainingConfig;
} {
  const preset = presetBaseOf(config);
  return { preset, base: preset ? PRESETS[preset] : DEFAULT_TRAINING };
}

/**
 * The decoded training parameters over the preset's setup (when the link names one), with a
 * stored dataset's own points and noise; a `points` or `noise` the data cannot have is ignored.
 */
export function applyPreset(
  training: Partial<TrainingConfig>,
  preset: PresetName | null,
  entries: readonly [string, string][],
  ignored: IgnoredParameter[],
): Partial<TrainingConfig> {
  const asked = preset ? { ...PRESETS[preset], ...training } : { ...training };
  const whole = { ...DEFAULT_TRAINING, ...asked };
  const fixed = withStoredData(whole);
  if (fixed === whole) return asked;
  for (const name of ['points', 'noise'] as const) {
    const entry = entries.find(([n]) => n === name);
    if (!entry || whole[name] === fixed[name]) continue;
    // The stored data wins over any other note on the same parameter (a clamped count).
    const note = {
      name,
      value: entry[1],
      reason: `${fixed.dataset} has ${fixed.points} stored points (noise ${fixed.noise})`,
    };
    const at = ignored.findIndex((i) => i.name === name);
    if (at >= 0) ignored[at] = note;
    else ignored.push(note);
  }
  return { ...asked, points: fixed.points, noise: fixed.noise };
}
