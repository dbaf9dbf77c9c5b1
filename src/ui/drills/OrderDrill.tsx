import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { checkSweepMove } from '../../core/drills';
import { useAppStore } from '../../store/appStore';
import { formatNumber } from '../../viz/graph/numberFormat';
import { playgroundLayout } from '../exercises/playgroundLayout';
import { DrillFeedback, DrillScore } from './DrillScore';
import { guideOrderDrill } from './guideSweep';
import { moveByKey, ordinal } from './rovingKeys';
import { orderDrillOf, type OrderDrillData } from './sweepNames';

/** What the last move said. */
interface Feedback {
  readonly right: boolean;
  readonly text: string;
}

/** Whose graph the order drill sweeps: the playground's program, or the guide's example. */
export type DrillSource = 'playground' | 'guide';

/**
 * "Order the sweep" (`data-testid="drill-order"`): the graph of the playground's program (or of
 * one step of the guide's example) as a list of its nodes, named as the graph names them, in
 * tape order; the learner picks them (↑ ↓ and Enter, or a click) in the order backward finishes
 * them. A node's gradient is shown only once it is placed. Each pick is checked against the
 * tape (`checkSweepMove`).
 */
export function OrderDrill({ source }: { source: DrillSource }) {
  const program = useAppStore((s) => s.builtProgram);
  const options = useAppStore((s) => s.arenaOptions);
  const built = useMemo((): OrderDrillData | Error => {
    try {
      return source === 'guide'
        ? guideOrderDrill(options)
        : orderDrillOf(program ?? '', playgroundLayout(options));
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [source, program, options]);
  if (built instanceof Error) {
    return (
      <section className="drill" data-testid="drill-order">
        <p className="drill-feedback not-yet" role="alert">
          ✗ {source === 'guide' ? 'The guide’s step' : 'The playground’s program'} does not run:{' '}
          {built.message}
        </p>
      </section>
    );
  }
  const what = source === 'guide' ? 'one step of the guide’s Neuron(3) (x → loss)' : 'your program';
  return <OrderList key={`${source}:${program}`} data={built} what={what} />;
}

function OrderList({ data, what }: { data: OrderDrillData; what: string }) {
  const { drill, titles, uses: inputs } = data;
  const [order, setOrder] = useState<number[]>([]);
  const [wrong, setWrong] = useState(0);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const done = new Set(order);
  const finished = order.length === drill.nodes.length;
  const pick = (i: number): void => {
    const move = checkSweepMove(drill, done, i);
    const name = titles[i];
    if (!move.right) {
      if (move.alreadyDone) {
        setFeedback({ right: false, text: `${name} is finished already: pick another node.` });
        return;
      }
      setWrong((w) => w + 1);
      const users = move.waitingFor.map((c) => titles[c]).join(' and ');
      setFeedback({
        right: false,
        text:
          `✗ Not yet: ${name}’s gradient is not final. ${users} ${move.waitingFor.length > 1 ? 'use' : 'uses'} ` +
          `${name} and ${move.waitingFor.length > 1 ? 'have' : 'has'} not added ${move.waitingFor.length > 1 ? 'their shares' : 'its share'}: ` +
          `finish ${users} first. A node’s gradient is final only when every node that uses it has added its share.`,
      });
      return;
    }
    const gradient = formatNumber(drill.nodes[i].gradient);
    const how = move.tapeOrder
      ? 'the tape’s next, as the engine’s sweep goes (down the tape).'
      : `every node that uses it is done. The engine’s sweep, walking the tape down, takes ${titles[move.tapeNext]} first; both orders give the same gradients.`;
    setOrder([...order, i]);
    setFeedback({ right: true, text: `✓ ${name}: gradient final (${gradient}) — ${how}` });
  };
  const restart = (): void => {
    setOrder([]);
    setWrong(0);
    setFeedback(null);
    list.current?.querySelector<HTMLElement>('button')?.focus();
  };
  const onKey = (event: KeyboardEvent<HTMLOListElement>): void => {
    moveByKey(event, [...event.currentTarget.querySelectorAll<HTMLElement>('button')], 1);
  };
  return (
    <section className="drill" data-testid="drill-order" aria-labelledby="drill-order-title">
      <h3 id="drill-order-title">Order the sweep</h3>
      <p>
        Be backward: pick the nodes of {what} in the order their gradients become final, starting
        from the output. ↑ ↓ move, Enter picks. Gradients show once a node is placed.
      </p>
      <ol className="drill-nodes" ref={list} onKeyDown={onKey} data-testid="drill-nodes">
        {drill.nodes.map((node, i) => {
          const place = order.indexOf(i);
          const uses = inputs[i].join(', ');
          return (
            <li key={node.address}>
              <button
                type="button"
                data-testid="drill-node"
                data-name={titles[i]}
                data-done={place >= 0}
                tabIndex={i === 0 ? 0 : -1}
                onClick={() => pick(i)}
              >
                <span className="drill-mark">{place >= 0 ? `✓ ${ordinal(place + 1)}` : '–'}</span>
                <strong>{titles[i]}</strong>
                <span className="drill-uses">{uses ? `uses ${uses}` : 'a leaf'}</span>
                <span className="drill-grad">
                  {place >= 0 ? `grad ${formatNumber(node.gradient)}` : 'grad ?'}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <DrillFeedback feedback={feedback} idle={`${drill.nodes.length} nodes to place.`} />
      {finished && (
        <DrillScore
          right={order.length}
          moves={order.length + wrong}
          unit="moves"
          onRestart={restart}
        />
      )}
    </section>
  );
}
