import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { hex } from '../../core';
import { checkPlacement, guidePlaceSteps, pushShape } from '../../core/drills';
import { DrillFeedback, DrillScore } from './DrillScore';
import { useMediaQuery } from '../narrow/useLayoutMode';
import { cellsFor, FOUR_CELLS_QUERY, ROW_CELLS } from './placeCells';
import { moveByKey } from './rovingKeys';

/**
 * "Place the record" (`data-testid="drill-place"`): the guide's `Neuron(3)` as the engine builds
 * it — its pointer array and weights into the model arena, then the forward's first records
 * into the scratch arena — one push at a time. The learner picks the 4-byte cell where the push
 * starts (arrows and Enter, or a click); `checkPlacement` grades it.
 */
export function PlaceDrill() {
  const steps = useMemo(() => guidePlaceSteps(), []);
  const [at, setAt] = useState(0);
  const [wrong, setWrong] = useState(0);
  const [feedback, setFeedback] = useState<{ right: boolean; text: string } | null>(null);
  const [focus, setFocus] = useState(0);
  const grid = useRef<HTMLDivElement>(null);
  const columns = useMediaQuery(FOUR_CELLS_QUERY) ? ROW_CELLS / 2 : ROW_CELLS;
  const finished = at === steps.length;
  const step = steps[Math.min(at, steps.length - 1)];
  const shown = finished ? steps.length - 1 : at;
  const cells = cellsFor(steps, shown, at);
  const { size, align } = pushShape(step.push);
  // A new arena draws a new grid: the focus goes to its first cell.
  const arena = step.arena;
  useEffect(() => {
    if (arena === 'scratch') grid.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, [arena]);
  const pick = (address: number): void => {
    if (finished) return;
    const verdict = checkPlacement(step.top, step.push, address);
    if (verdict.right) {
      setFeedback({ right: true, text: `✓ ${step.name} at ${hex(address)}. ${verdict.message}` });
      const next = steps[at + 1];
      if (next && next.arena !== step.arena) setFocus(0);
      setAt(at + 1);
    } else {
      setWrong((w) => w + 1);
      setFeedback({ right: false, text: `✗ Not there: ${verdict.message}` });
    }
  };
  const restart = (): void => {
    setAt(0);
    setWrong(0);
    setFeedback(null);
    setFocus(0);
    grid.current?.querySelector<HTMLElement>('button')?.focus();
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moved = moveByKey(event, [...event.currentTarget.querySelectorAll('button')], columns);
    if (moved >= 0) setFocus(moved);
  };
  const rows: (typeof cells)[] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns));
  return (
    <section className="drill" data-testid="drill-place" aria-labelledby="drill-place-title">
      <h3 id="drill-place-title">Place the record</h3>
      <p>
        The guide&rsquo;s <code>Neuron(3)</code>, pushed as the engine pushes it. Pick the cell
        where each push starts: arrows move, Enter picks. One cell is 4 bytes.
      </p>
      <p className="drill-question" data-testid="drill-question" data-step={shown}>
        {finished ? (
          'All placed.'
        ) : (
          <>
            Push {at + 1} of {steps.length}: <code>{step.call}</code> for{' '}
            <strong>{step.name}</strong> ({size} bytes, {align}-byte aligned) into the{' '}
            <strong>{step.arena}</strong> arena. Its bump pointer is at{' '}
            <code data-testid="drill-top">{hex(step.top)}</code>.
          </>
        )}
      </p>
      <div
        className={`drill-grid ${step.arena}`}
        role="group"
        aria-label={`${step.arena} arena, 4-byte cells`}
      >
        <div className="drill-row drill-head" aria-hidden="true">
          <span />
          {Array.from({ length: columns }, (_, c) => (
            <span key={c}>+{c * 4}</span>
          ))}
        </div>
        <div ref={grid} onKeyDown={onKey}>
          {rows.map((row) => (
            <div className="drill-row" key={row[0].address}>
              <span className="drill-address">{hex(row[0].address)}</span>
              {row.map((cell) => {
                const index = (cell.address - cells[0].address) / 4;
                const top = !finished && cell.address === step.top;
                const shownText = top ? '▲top' : cell.text;
                const what =
                  cell.kind === 'free' ? 'free' : cell.kind === 'padding' ? 'padding' : cell.owner;
                return (
                  <button
                    key={cell.address}
                    type="button"
                    className={`drill-cell ${cell.kind}`}
                    data-testid="drill-cell"
                    data-address={cell.address}
                    tabIndex={index === Math.min(focus, cells.length - 1) ? 0 : -1}
                    aria-label={`${shownText ? `${shownText}, ` : ''}${hex(cell.address)}: ${what}${top ? ', the bump pointer' : ''}`}
                    onClick={() => {
                      setFocus(index);
                      pick(cell.address);
                    }}
                  >
                    {shownText}
                  </button>
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <DrillFeedback feedback={feedback} idle={'Where does it start?'} />
      {finished && (
        <DrillScore
          right={steps.length}
          moves={steps.length + wrong}
          unit="picks"
          onRestart={restart}
        />
      )}
    </section>
  );
}
