import { useAppStore } from '../store/appStore';
import type { ScenarioId } from '../setup';
import { Controls } from './Controls';
import { TermText } from './glossary/TermText';
import { ShareBar } from './export/ShareBar';
import { GuideDocButton } from './guide/GuideOpeners';

const SCENARIOS: { id: ScenarioId; title: string }[] = [
  { id: 'guide', title: "Guide's example: Neuron(3) on [1, 2, 3]" },
  { id: 'playground', title: 'Expression playground' },
  { id: 'mlp', title: 'MLP on a dataset: training workbench' },
  { id: 'compare', title: 'Before vs after: heap objects vs arenas, and the guide’s bugs' },
];

/** Title, scenario picker, step controls, keyboard hints, and the phase caption. */
export function Header({ showKeys }: { showKeys: () => void }) {
  const scenario = useAppStore((s) => s.scenario);
  const setScenario = useAppStore((s) => s.setScenario);
  const phase = useAppStore((s) => s.phase);
  const caption = useAppStore((s) => s.caption);
  const presenter = useAppStore((s) => s.presenter);
  const togglePresenter = useAppStore((s) => s.togglePresenter);
  const setTour = useAppStore((s) => s.setTour);
  return (
    <header className="header">
      <div className="header-row">
        <h1 className="title">arenagrad</h1>
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
        <button
          type="button"
          data-testid="tour"
          onClick={() => setTour(0)}
          title="A guided tour in nine short chapters: read, then press Space to see it happen"
        >
          Tour
        </button>
        <GuideDocButton />
        <Controls />
        <ShareBar />
        <p className="keys" aria-label="keyboard shortcuts">
          <kbd>Space</kbd> play · <kbd>→</kbd> node · <kbd>↓</kbd> phase · <kbd>Enter</kbd> step ·{' '}
          <kbd>R</kbd> reset ·{' '}
          <button
            type="button"
            className="keys-button"
            data-testid="presenter"
            aria-pressed={presenter}
            onClick={togglePresenter}
            title="Presenter mode: large type for a projector, the essential panels (P)"
          >
            presenter <kbd>P</kbd>
          </button>{' '}
          <button type="button" className="keys-button" onClick={showKeys} data-testid="show-keys">
            all keys <kbd>?</kbd>
          </button>
        </p>
      </div>
      {presenter && (
        <p className="presenter-keys" aria-label="keys">
          <kbd>↓</kbd> next phase · <kbd>→</kbd> next node · <kbd>Enter</kbd> whole step ·{' '}
          <kbd>←</kbd> back · <kbd>Space</kbd> play · <kbd>R</kbd> reset · <kbd>P</kbd>{' '}
          <button type="button" data-testid="presenter-leave" onClick={togglePresenter}>
            leave presenter mode
          </button>
        </p>
      )}
      <div className="caption-row">
        <span className={`phase phase-${phase}`} data-testid="phase">
          {phase}
        </span>
        <p className="caption" data-testid="caption" aria-live="polite">
          <TermText text={caption} />
        </p>
      </div>
    </header>
  );
}
