import { useRef, useState } from 'react';
import { createGuideLoop, guideLoopStep } from '../../core';
import { TermText } from '../glossary/TermText';

/** The guide's training loop as written, with its commented-out update as a switch. */
export function GuideLoopPanel() {
  const trainer = useRef(createGuideLoop());
  const [update, setUpdate] = useState(false);
  const [losses, setLosses] = useState<number[]>([]);
  const step = (times: number) => {
    const next = [...losses];
    for (let k = 0; k < times; k++) next.push(guideLoopStep(trainer.current, update));
    setLosses(next.slice(-200));
  };
  const restart = () => {
    trainer.current = createGuideLoop();
    setLosses([]);
  };
  const last = losses[losses.length - 1];
  return (
    <section className="cmp-section" aria-labelledby="guide-loop-h">
      <h3 id="guide-loop-h">
        <TermText text="The guide’s training loop: the update is commented out" />
      </h3>
      <pre className="cmp-code">
        {`backward(output);
double lr = 0.01;
`}
        <span className={update ? 'cmp-live' : 'cmp-dead'}>
          {update ? '' : '// '}
          {'neuron._weights[i]->value -= lr * neuron._weights[i]->gradient;'}
        </span>
        {'\ncheckpoint.end();'}
      </pre>
      <div className="cmp-row">
        <label className="cmp-field">
          <input
            type="checkbox"
            data-testid="guide-update"
            checked={update}
            onChange={(e) => setUpdate(e.target.checked)}
          />
          run the update (uncomment it)
        </label>
        <button type="button" data-testid="guide-step" onClick={() => step(1)}>
          Step
        </button>
        <button type="button" onClick={() => step(20)}>
          20 steps
        </button>
        <button type="button" onClick={restart}>
          Restart
        </button>
      </div>
      <p className="cmp-note">
        Neuron(3) on [1, 2, 3] (squared error to the example’s target, seed 2), its own recursive
        backward (a neuron is a tree, so it is right here).{' '}
        {losses.length === 0 ? (
          'Press Step.'
        ) : (
          <>
            Step {trainer.current.step}: loss{' '}
            <strong data-testid="guide-loss">{last.toPrecision(8)}</strong>
            {losses.length > 1 &&
              (losses[0] === last
                ? ` — unchanged since step ${trainer.current.step - losses.length + 1}: no weight moved.`
                : ` — from ${losses[0].toPrecision(6)}.`)}
          </>
        )}
      </p>
    </section>
  );
}
