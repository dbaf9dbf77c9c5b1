import { useAppStore } from '../store/appStore';
import type { ScenarioId } from '../setup';
import { Controls } from './Controls';
import { TermText } from './glossary/TermText';
import { ShareBar } from './export/ShareBar';
import { GuideDocButton } from './guide/GuideOpeners';
import { PredictPrompt, PredictToggle } from './predict/PredictPrompt';

const SCENARIOS: { id: ScenarioId; title: string }[] = [
  { id: 'guide', title: 'Guide’s example: Neuron(3)' },
  { id: 'playground', title: 'Expression playground' },
  { id: 'mlp', title: 'MLP on a dataset: workbench' },
  { id: 'compare', title: 'Before vs after: heap vs arenas' },
];

/**
 * Title, then the header's controls in groups the eye can find: start (Tour, the scenario),
 * run (the step controls), view (presenter mode, the keys) and share; the phase caption below.
 * Presenter mode keeps the start group and writes the keys on screen instead of the rest.
 * Without `steps` (a touch screen: the thumb bar has them) the run group keeps speed and reset.
 */
export function Header({ showKeys, steps = true }: { showKeys: () => void; steps?: boolean }) {
  const presenter = useAppStore((s) => s.presenter);
  const togglePresenter = useAppStore((s) => s.togglePresenter);
  return (
    <header className="header">
      <div className="header-row">
        <h1 className="title">arenagrad</h1>
        <StartGroup />
        {presenter && <PresenterKeys leave={togglePresenter} />}
        {!presenter && (
          <>
            <div className="header-group run-group" role="group" aria-label="run">
              <Controls steps={steps} />
            </div>
            <div className="header-group view-group" role="group" aria-label="view">
              <button
                type="button"
                className="keys-button"
                data-testid="presenter"
                aria-pressed={presenter}
                onClick={togglePresenter}
                title="Presenter mode: large type for a projector, the essential panels (P)"
              >
                presenter <kbd>P</kbd>
              </button>
              <button
                type="button"
                className="keys-button"
                onClick={showKeys}
                data-testid="show-keys"
              >
                all keys <kbd>?</kbd>
              </button>
            </div>
          </>
        )}
      </div>
      {!presenter && (
        <div className="header-row">
          <p className="keys" aria-label="keyboard shortcuts">
            Keys: <kbd>↓</kbd> phase · <kbd>→</kbd> node · <kbd>Enter</kbd> step · <kbd>Space</kbd>{' '}
            play · <kbd>←</kbd> back · <kbd>R</kbd> reset
          </p>
          <PredictToggle />
          <div className="header-group share-group" role="group" aria-label="share">
            <ShareBar />
          </div>
        </div>
      )}
      <CaptionRow />
      <PredictPrompt />
    </header>
  );
}

/** The phase and its caption, the terms in it defined where they appear. */
export function CaptionRow() {
  const phase = useAppStore((s) => s.phase);
  const caption = useAppStore((s) => s.caption);
  return (
    <div className="caption-row">
      <span className={`phase phase-${phase}`} data-testid="phase">
        {phase}
      </span>
      <p className="caption" data-testid="caption" aria-live="polite">
        <TermText text={caption} />
      </p>
    </div>
  );
}

/** Presenter mode's keys, written on screen in the header's one row (the step buttons are gone). */
function PresenterKeys({ leave }: { leave: () => void }) {
  return (
    <p className="presenter-keys" aria-label="keys">
      <span className="presenter-step-keys">
        <kbd>↓</kbd> phase · <kbd>→</kbd> node · <kbd>Enter</kbd> step · <kbd>←</kbd> back ·{' '}
        <kbd>Space</kbd> play · <kbd>R</kbd> reset · <kbd>Y</kbd> your turn ·{' '}
      </span>
      <button type="button" data-testid="presenter-leave" onClick={leave}>
        leave <kbd>P</kbd>
      </button>
    </p>
  );
}

/** Where to start: the tour (first, and marked so) and the scenario picker. */
function StartGroup() {
  return (
    <div className="header-group start-group" role="group" aria-label="start">
      <TourButton />
      <GuideDocButton />
      <ScenarioPicker />
    </div>
  );
}

/** Opens the guided tour at its first chapter. */
export function TourButton() {
  const setTour = useAppStore((s) => s.setTour);
  return (
    <button
      type="button"
      className="tour-button"
      data-testid="tour"
      onClick={() => setTour(0)}
      title="A guided tour in nine short chapters: read, then press Space to see it happen"
    >
      Tour
    </button>
  );
}

/** The scenario picker. */
export function ScenarioPicker() {
  const scenario = useAppStore((s) => s.scenario);
  const setScenario = useAppStore((s) => s.setScenario);
  return (
    <label className="picker">
      <span className="sr-only">Scenario</span>
      <select
        data-testid="scenario"
        value={scenario}
        onChange={(e) => setScenario(e.target.value as ScenarioId)}
      >
        {SCENARIOS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  );
}
