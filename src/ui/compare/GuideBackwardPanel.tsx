import { useMemo, useState } from 'react';
import {
  compareBackwards,
  GUIDE_VISIT_BUDGET,
  walkRecursion,
  type BackwardComparison,
} from '../../core';
import { useAppStore } from '../../store/appStore';
import { TermText } from '../glossary/TermText';
import { count } from './compareFormat';
import { GuidePrediction } from './GuidePrediction';
import type { Prediction } from './predictionVerdict';
import { RecursionWalkView } from './RecursionWalkView';

/** The program the panel opens on: one shared node per level. */
export const GUIDE_BUG_PROGRAM = 'a = 1; b = a + a; c = b + b';

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(10));
const big = (x: number) => (x < 1e7 ? count(x) : x.toExponential(3));

/** The guide's program walked: its first leaf (a) is the one asked about. */
const WALK_LEAF = 0;

/**
 * The guide's recursive backward beside the tape sweep and the finite-difference referee, on
 * one program (any playground program can be brought here) and one leaf the user picks. On the
 * guide's own program it asks first (`GuidePrediction`): its numbers and the walk of the
 * recursion (`RecursionWalkView`) show once the learner has answered or pressed Show me.
 */
export function GuideBackwardPanel() {
  const walk = useMemo(() => walkRecursion(GUIDE_BUG_PROGRAM), []);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [source, setSource] = useState(GUIDE_BUG_PROGRAM);
  const [draft, setDraft] = useState(GUIDE_BUG_PROGRAM);
  const [leaf, setLeaf] = useState(0);
  const playground = useAppStore((s) => s.program);
  const result = useMemo((): BackwardComparison | string => {
    try {
      return compareBackwards(source, leaf);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [source, leaf]);
  const waiting = prediction === null && source === GUIDE_BUG_PROGRAM;
  const leafName = walk.nodes[WALK_LEAF].name;
  const run = (text: string) => {
    setDraft(text);
    setSource(text);
    setLeaf(0);
  };
  return (
    <section className="cmp-section" aria-labelledby="guide-backward-h">
      <h3 id="guide-backward-h">
        <TermText text="The guide’s backward: recursion visits a shared node once per path" />
      </h3>
      <p className="cmp-note">
        The guide’s <code>backward_internal</code> re-applies a node’s gradient function every time
        a path reaches it. This engine’s <code>backward</code> sweeps the tape (records in
        allocation order) once, top down. Both run here on the same arena records; the referee
        re-runs the forward at x ± h inside a scratch checkpoint.
      </p>
      <GuidePrediction
        program={GUIDE_BUG_PROGRAM}
        output={walk.nodes[walk.output].name}
        leaf={leafName}
        truth={walk.tape[walk.tape.length - 1].grads[WALK_LEAF]}
        guide={walk.steps[walk.steps.length - 1].grads[WALK_LEAF]}
        prediction={prediction}
        onPredict={setPrediction}
      />
      <form
        className="cmp-row"
        onSubmit={(e) => {
          e.preventDefault();
          run(draft);
        }}
      >
        <label className="cmp-field cmp-grow">
          program
          <input
            data-testid="guide-program"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            spellCheck={false}
          />
        </label>
        <button type="submit">Run</button>
        <button type="button" onClick={() => run(playground)} title="the playground's program">
          Use the playground’s program
        </button>
      </form>
      {waiting ? (
        <p className="cmp-note" data-testid="guide-waiting">
          The three gradients and the walk of the recursion show once you answer or press Show me.
        </p>
      ) : typeof result === 'string' ? (
        <p className="cmp-error" role="alert">
          {result}
        </p>
      ) : (
        <>
          <label className="cmp-field">
            d{result.output} / d
            <select
              data-testid="guide-leaf"
              value={result.leaf}
              onChange={(e) => setLeaf(Number(e.target.value))}
            >
              {result.leaves.map((l, i) => (
                <option key={l.statement} value={i}>
                  {l.name} = {l.value}
                </option>
              ))}
            </select>
          </label>
          <table className="cmp-table">
            <thead>
              <tr>
                <th scope="col">method</th>
                <th scope="col">gradient</th>
                <th scope="col">nodes visited</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">guide’s recursive backward</th>
                <td className="cmp-bad" data-testid="guide-grad">
                  {result.guide.complete ? fmt(result.guideGrad) : 'stopped (partial)'}
                  {result.guide.complete && !agrees(result.guideGrad, result) && ' ✗ wrong'}
                </td>
                <td data-testid="guide-visits">
                  {big(result.guide.visits)}
                  {!result.guide.complete &&
                    ` of ${big(result.guide.wouldVisit)}: stopped at the budget of ${big(GUIDE_VISIT_BUDGET)}`}
                </td>
              </tr>
              <tr>
                <th scope="row">tape sweep (this engine)</th>
                <td data-testid="tape-grad">{fmt(result.tape)} ✓</td>
                <td>{result.tapeVisits} (each record once)</td>
              </tr>
              <tr>
                <th scope="row">finite differences, h = {result.h.toExponential(0)}</th>
                <td data-testid="fd-grad">{result.finiteDifference.toPrecision(10)}</td>
                <td>2 forward runs</td>
              </tr>
            </tbody>
          </table>
          <p className="cmp-note">
            Tape − referee: {Math.abs(result.tape - result.finiteDifference).toExponential(1)}. Each
            level of <code>x = y + y</code> doubles the guide’s visits: 60 levels would take{' '}
            {big(2 ** 61 - 1)} visits, so it stops after {big(GUIDE_VISIT_BUDGET)} and says so.
          </p>
        </>
      )}
      {prediction !== null && (
        <RecursionWalkView program={GUIDE_BUG_PROGRAM} walk={walk} leaf={WALK_LEAF} />
      )}
    </section>
  );
}

function agrees(x: number, r: BackwardComparison): boolean {
  return Math.abs(x - r.finiteDifference) <= 1e-4 * Math.max(1, Math.abs(r.finiteDifference));
}
