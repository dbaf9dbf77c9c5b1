import { useEffect, useMemo, useRef } from 'react';
import { refereeHint, type PlaygroundLayout, type ProgramExercise } from '../../core/exercises';
import { formatNumber } from '../../viz/graph/numberFormat';

/**
 * The finite-difference referee on the learner's program, as micrograd's exercise 1 asks: for
 * each graded input, the forward difference against the central one for the same h, each with
 * how far it is off the tape's gradient; the nearer one is marked, as measured.
 */
export function RefereeHint({
  exercise,
  program,
  layout,
}: {
  exercise: ProgramExercise;
  program: string;
  layout: PlaygroundLayout;
}) {
  const hint = useMemo(() => {
    try {
      return refereeHint(exercise, program, layout);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [exercise, program, layout]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  if (typeof hint === 'string')
    return (
      <div className="exercise-hint" data-testid="exercise-hint-text" ref={box}>
        <p>The referee needs a program that runs: {hint}</p>
      </div>
    );
  const f = (x: number) => formatNumber(x, 7);
  return (
    <div className="exercise-hint" data-testid="exercise-hint-text" ref={box}>
      <p>
        The referee nudges each input by h = {hint.h} and runs your program again: <em>forward</em>{' '}
        (f(x+h) − f(x)) / h and <em>central</em> (f(x+h) − f(x−h)) / 2h, each beside how far it is
        off the <em>tape</em>’s gradient; ◂ marks the nearer one.
      </p>
      {hint.rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">input</th>
              <th scope="col">tape</th>
              <th scope="col">forward</th>
              <th scope="col">central</th>
            </tr>
          </thead>
          <tbody>
            {hint.rows.map((row) => {
              const forwardOff = Math.abs(row.forward - row.tape);
              const centralOff = Math.abs(row.central - row.tape);
              const cell = (value: number, off: number, nearer: boolean) => (
                <td>
                  {f(value)}
                  <br />
                  <small>
                    off {formatNumber(off, 2)}
                    {nearer && ' ◂'}
                  </small>
                </td>
              );
              return (
                <tr key={row.name} data-testid="referee-row" data-name={row.name}>
                  <th scope="row">{row.name}</th>
                  <td>{f(row.tape)}</td>
                  {cell(row.forward, forwardOff, forwardOff < centralOff)}
                  {cell(row.central, centralOff, centralOff <= forwardOff)}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {hint.skipped.length > 0 && (
        <p>
          Not nudged: {hint.skipped.join(', ')} (computed in your program, or missing: the referee
          nudges a variable set to a number).
        </p>
      )}
    </div>
  );
}
