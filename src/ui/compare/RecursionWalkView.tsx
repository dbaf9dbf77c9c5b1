import { useState, type KeyboardEvent } from 'react';
import type { RecursionWalk } from '../../core';
import { TermText } from '../glossary/TermText';
import { RecursionGraph } from './RecursionGraph';
import { stepWords, sumWords } from './walkWords';
import './recursionWalk.css';

const num = (x: number): string => String(Number(x.toPrecision(6)));

/** A node that uses one input twice (`b = a + a`), as words, or '' when there is none. */
function sharedEdges(walk: RecursionWalk): string {
  const node = walk.nodes.find((n) => n.parents.length === 2 && n.parents[0] === n.parents[1]);
  if (!node) return '';
  const input = walk.nodes[node.parents[0]].name;
  return ` ${node.name} uses ${input} twice, so two edges lead from ${node.name} to ${input}.`;
}

interface Props {
  readonly program: string;
  /** The guide's recursion and the tape run on it (`walkRecursion`). */
  readonly walk: RecursionWalk;
  /** The node whose paths are counted (the leaf asked about). */
  readonly leaf: number;
}

/**
 * The guide's recursive backward walked a line at a time on a program's drawn graph (`walk`):
 * **Step** (or → and Enter on a focused walk control) runs the next visit or push, **Back** (←)
 * the one before, **Restart** goes back to the seed. The counter says how many of the leaf's
 * paths have reached it and its gradient; under it, the tape's one sweep.
 */
export function RecursionWalkView({ program, walk, leaf }: Props) {
  const [at, setAt] = useState(0);
  const step = walk.steps[at];
  const previous = at > 0 ? walk.steps[at - 1] : null;
  const lastStep = walk.steps.length - 1;
  const go = (k: number) => setAt(Math.min(lastStep, Math.max(0, k)));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight') go(at + 1);
    else if (e.key === 'ArrowLeft') go(at - 1);
    else return;
    e.preventDefault(); // the walk's keys, not the app's step keys
  };
  const a = walk.nodes[leaf];
  const visitsSoFar = walk.steps.slice(0, at + 1).filter((s) => s.kind === 'visit').length;
  const tapeLeaf = walk.tape[walk.tape.length - 1].grads[leaf];
  return (
    <section className="walk" data-testid="walk" aria-labelledby="walk-h">
      <h4 id="walk-h">
        Walk the recursion on <code>{program}</code>, a line at a time
      </h4>
      <p className="cmp-note">
        <TermText
          text={`A path goes from the output, ${walk.nodes[walk.output].name}, down to a node, one edge at a time.${sharedEdges(walk)} On the drawing, the path a step walks is thick, with arrows the way the gradient flows.`}
        />
      </p>
      <div className="walk-body">
        <RecursionGraph walk={walk} step={step} />
        <div className="walk-side">
          <div
            className="cmp-row walk-controls"
            role="group"
            aria-label="walk the recursion (→ steps, ← goes back)"
            onKeyDown={onKeyDown}
          >
            <button
              type="button"
              data-testid="walk-step"
              aria-keyshortcuts="ArrowRight Enter"
              aria-disabled={at === lastStep}
              onClick={() => go(at + 1)}
            >
              Step ▸
            </button>
            <button
              type="button"
              data-testid="walk-back"
              aria-keyshortcuts="ArrowLeft"
              aria-disabled={at === 0}
              onClick={() => go(at - 1)}
            >
              ◂ Back
            </button>
            <button type="button" data-testid="walk-restart" onClick={() => go(0)}>
              Restart
            </button>
          </div>
          <p className="walk-counter" aria-live="polite">
            <span data-testid="walk-counter">
              step {at + 1} of {walk.steps.length}
            </span>
            {' · '}
            <span data-testid="walk-paths">
              paths that reached {a.name}: {step.reached[leaf]} of {a.paths}
            </span>
            {' · '}
            <strong data-testid="walk-leaf-grad">
              {a.name}.grad = {num(step.grads[leaf])}
            </strong>
            {' · '}
            <span data-testid="walk-visits">
              calls of backward_internal: {visitsSoFar} of {walk.visits}
            </span>
          </p>
          <p className="walk-words" data-testid="walk-words">
            {stepWords(walk, step, previous)
              .split('`')
              .map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part))}
          </p>
          <div className="walk-tape" data-testid="walk-tape">
            <p className="walk-tape-title" id="walk-tape-h">
              The tape’s one sweep (this engine’s backward): {walk.tape.length} visits, {a.name}
              .grad = {num(tapeLeaf)}
            </p>
            <table className="cmp-table" aria-labelledby="walk-tape-h">
              <thead>
                <tr>
                  <th scope="col">visit</th>
                  <th scope="col">its rule pushes</th>
                  <th scope="col">{a.name}.grad after</th>
                </tr>
              </thead>
              <tbody>
                {walk.tape.map((t, k) => (
                  <tr key={t.node}>
                    <th scope="row">
                      {k + 1}: {walk.nodes[t.node].name}
                    </th>
                    <td>
                      {t.pushes.length === 0
                        ? 'nothing (a leaf)'
                        : t.pushes
                            .map((p) => `${num(p.amount)} into ${walk.nodes[p.into].name}`)
                            .join(', ')}
                    </td>
                    <td>{num(t.grads[leaf])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
      {at === lastStep && (
        <p className="walk-sum" data-testid="walk-sum">
          {sumWords(walk, leaf)}
        </p>
      )}
    </section>
  );
}
