import { useAppStore } from '../../store/appStore';
import {
  DEFAULT_TRAINING,
  PRESET_LABELS,
  PRESET_NAMES,
  PRESETS,
  WEIGHT_INITS,
  editSetup,
  presetOf,
  sameRun,
  type PresetName,
  type TrainingConfig,
} from '../../setup';

/** What the preset menu shows: a preset, the default setup, or a setup of the user's own. */
type PresetChoice = PresetName | 'default' | 'custom';

/**
 * The preset menu: a whole setup chosen at once (micrograd's notebook's run, or the default).
 * Choosing one starts its run; the link then says `preset=…`. A setup that is neither shows
 * "your own".
 */
export function PresetSelect() {
  const training = useAppStore((s) => s.training);
  const setTraining = useAppStore((s) => s.setTraining);
  const preset = presetOf(training);
  const choice: PresetChoice =
    preset ?? (sameRun(training, DEFAULT_TRAINING) ? 'default' : 'custom');
  const choose = (name: PresetChoice): void => {
    if (name === 'custom') return;
    const next = name === 'default' ? DEFAULT_TRAINING : PRESETS[name];
    if (next.hidden.length !== training.hidden.length) {
      // A new shape: draw every layer collapsed again (one box per neuron), as a shape edit does.
      useAppStore.setState({
        collapsedLayers: next.hidden.map((_, l) => l).concat(next.hidden.length),
      });
    }
    setTraining(next);
  };
  return (
    <label
      className="wb-field"
      title="A whole setup at once: data, initial weights, model, loss and learning rate"
    >
      preset
      <select
        data-testid="preset"
        value={choice}
        onChange={(e) => choose(e.target.value as PresetChoice)}
      >
        <option value="custom" disabled>
          your own
        </option>
        <option value="default">default</option>
        {PRESET_NAMES.map((name) => (
          <option key={name} value={name}>
            {PRESET_LABELS[name]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Where the initial weights come from: arenagrad's generator, or Python's `random` as micrograd
 * draws them. A change starts a new run (as a new seed does).
 */
export function InitSelect() {
  const training = useAppStore((s) => s.training);
  const step = useAppStore((s) => s.stats.step);
  const setTraining = useAppStore((s) => s.setTraining);
  return (
    <label
      className="wb-field"
      title={
        'The initial weights: arenagrad’s own generator, or Python’s random as micrograd draws ' +
        'them (random.seed(seed), then random.uniform(−1, 1) per weight)'
      }
    >
      init
      <select
        data-testid="weight-init"
        value={training.weightInit}
        onChange={(e) =>
          setTraining(
            editSetup(training, step, {
              weightInit: e.target.value as TrainingConfig['weightInit'],
            }),
          )
        }
      >
        {WEIGHT_INITS.map((init) => (
          <option key={init} value={init}>
            {init}
          </option>
        ))}
      </select>
    </label>
  );
}
