import { learningRateAt } from '../core';
import { settingsOf } from '../setup';
import { useAppStore } from '../store/appStore';
import { TermText } from './glossary/TermText';

const count = (n: number): string => n.toLocaleString('en-US');
const bytes = (n: number): string => `${count(n)} B`;

/** Step, loss, accuracy and arena usage, refreshed when the engine changes. */
export function StatsPanel() {
  const stats = useAppStore((s) => s.stats);
  const scenario = useAppStore((s) => s.scenario);
  const training = useAppStore((s) => s.training);
  const rows: { label: string; value: string; testid?: string; wide?: boolean }[] = [
    { label: 'step', value: String(stats.step), testid: 'stat-step' },
    {
      label: scenario === 'playground' ? 'output' : 'loss',
      // Nothing until the step's loss phase has run (the session leaves it NaN before).
      value: Number.isNaN(stats.loss) ? 'not yet' : String(Number(stats.loss.toPrecision(6))),
      testid: 'stats-loss',
    },
    ...(scenario === 'mlp'
      ? [
          {
            label: 'accuracy',
            value: Number.isNaN(stats.accuracy)
              ? 'not yet'
              : `${Math.round(stats.accuracy * 100)}%`,
          },
          {
            // The rate this step trains at: the schedule's, from the rate change in force.
            label: 'lr now',
            value: String(Number(learningRateAt(settingsOf(training), stats.step).toPrecision(4))),
            testid: 'stat-lr',
          },
        ]
      : []),
    {
      label: 'records drawn',
      value: `${count(stats.drawnNodes)} of ${count(stats.stepNodes)}`,
      wide: true,
    },
    {
      label: 'scratch used',
      value: `${bytes(stats.scratchUsed)} of ${bytes(stats.scratchCapacity)}`,
      testid: 'stat-scratch',
      wide: true,
    },
    { label: 'scratch high water', value: bytes(stats.scratchHighWater), wide: true },
    {
      label: 'model used',
      value: `${bytes(stats.modelUsed)} of ${bytes(stats.modelCapacity)}`,
      testid: 'stat-model',
      wide: true,
    },
  ];
  return (
    <section className="panel stats" aria-label="stats">
      <h2>Stats</h2>
      <dl>
        {rows.map(({ label, value, testid, wide }) => (
          <div key={label} className={wide ? 'stat wide' : 'stat'}>
            <dt>
              <TermText text={label} />
            </dt>
            <dd data-testid={testid}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
