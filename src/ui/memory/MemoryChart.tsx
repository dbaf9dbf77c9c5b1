/**
 * Memory over steps: scratch bytes each step used, the scratch high-water mark and the model's
 * bytes. Flat lines are the point: every step reuses the same scratch bytes.
 */
import { extent, line, max, scaleLinear } from 'd3';
import { useAppStore } from '../../store/appStore';
import type { MemoryPoint } from '../../store/memoryHistorySlice';
import { palette } from '../../viz/memory/memoryPalette';
import { bytes, shortSize } from './memoryFormat';

const WIDTH = 460;
const HEIGHT = 56;
const MARGIN = { left: 52, right: 8, top: 6, bottom: 16 };

const SERIES: readonly { key: keyof MemoryPoint; label: string; color: string; dash?: string }[] = [
  { key: 'scratchHighWater', label: 'high-water', color: palette.highWater, dash: '4 3' },
  { key: 'scratchBytes', label: 'scratch/step', color: palette.scratchRecord },
  { key: 'modelBytes', label: 'model', color: palette.modelRecord },
];

/** The memory chart (`data-testid="memory-chart"`). */
export function MemoryChart() {
  const history = useAppStore((s) => s.memoryHistory);
  const last = history[history.length - 1];
  const [first, lastStep] = extent(history, (p) => p.step) as
    [number, number] | [undefined, undefined];
  const x = scaleLinear()
    .domain([first ?? 0, Math.max(lastStep ?? 0, (first ?? 0) + 1)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const top = max(history, (p) => Math.max(p.scratchBytes, p.scratchHighWater, p.modelBytes)) ?? 1;
  const y = scaleLinear()
    .domain([0, top])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  return (
    <figure className="memory-chart" data-testid="memory-chart" data-points={history.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="memory per step">
        {history.length > 0 &&
          [0, top].map((t) => (
            <g key={t}>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(t)}
                y2={y(t)}
                className="memory-chart-grid"
              />
              <text
                x={MARGIN.left - 4}
                y={y(t)}
                className="memory-chart-tick memory-chart-axis"
                textAnchor="end"
                dominantBaseline="middle"
              >
                {shortSize(t)}
              </text>
            </g>
          ))}
        <text
          x={WIDTH - MARGIN.right}
          y={HEIGHT - 3}
          className="memory-chart-tick memory-chart-axis"
          textAnchor="end"
        >
          step {lastStep ?? '-'}
        </text>
        {SERIES.map((s) => {
          const path = line<MemoryPoint>()
            .x((p) => x(p.step))
            .y((p) => y(p[s.key]))(history);
          return (
            <g key={s.key}>
              {path && (
                <path
                  d={path}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                />
              )}
              {history.length === 1 && last && (
                <circle cx={x(last.step)} cy={y(last[s.key])} r={3} fill={s.color} />
              )}
            </g>
          );
        })}
        {history.length === 0 && (
          <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" className="memory-chart-tick">
            take a step to chart memory per step
          </text>
        )}
      </svg>
      <figcaption>
        {SERIES.map((s) => (
          <span key={s.key} data-series={s.key}>
            <i style={{ background: s.color }} /> {s.label}
            {last ? `: ${bytes(last[s.key])} B` : ''}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
