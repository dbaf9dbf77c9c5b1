import type { RecursionWalk, WalkStep } from '../../core';

/** The drawing's size in px (drawn at this size: its texts are their own size on screen). */
const WIDTH = 360;
const HEIGHT = 164;
const MID_Y = 72;
const RADIUS = 22;
const MARGIN_X = 56;

/** A node's centre: the tape's order from left to right (inputs left, the output right). */
function nodeX(k: number, count: number): number {
  return count === 1 ? WIDTH / 2 : MARGIN_X + (k * (WIDTH - 2 * MARGIN_X)) / (count - 1);
}

/** An edge from a node to its parent in `slot`: an arc, above for prev[0], below for prev[1]. */
function edgeGeometry(from: number, to: number, slot: number, slots: number, count: number) {
  const x1 = nodeX(from, count);
  const x2 = nodeX(to, count);
  const bend = slots === 1 ? 0 : (slot === 0 ? -1 : 1) * (70 + 12 * (Math.abs(from - to) - 1));
  const mx = (x1 + x2) / 2;
  return {
    d: `M${x1},${MID_Y} Q${mx},${MID_Y + bend} ${x2},${MID_Y}`,
    // the curve's midpoint, where a push's amount is written
    labelX: mx,
    labelY: MID_Y + bend / 2 + (bend < 0 ? -8 : bend > 0 ? 20 : -8),
  };
}

const num = (x: number): string => String(Number(x.toPrecision(6)));

/**
 * The program's graph with one step of the guide's recursion on it (`walk-graph`): every edge
 * (a + a: two edges to a), the path the step walks drawn thick with arrows, the edge a push
 * goes along labelled with its amount, the node visited or pushed into outlined thick and
 * named in words; above each node how many of its paths have reached it, below it its gradient.
 */
export function RecursionGraph({ walk, step }: { walk: RecursionWalk; step: WalkStep }) {
  const count = walk.nodes.length;
  const onPath = new Set(step.path.map((e) => `${e.from}:${e.slot}`));
  const last = step.path[step.path.length - 1];
  const pushing = step.kind === 'push' && last ? `${last.from}:${last.slot}` : null;
  return (
    <svg
      className="walk-graph"
      data-testid="walk-graph"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`the program's graph; ${step.kind === 'push' ? 'pushing into' : 'visiting'} ${walk.nodes[step.node].name}`}
    >
      <defs>
        <marker
          id="walk-arrow"
          viewBox="0 0 10 10"
          refX={10 + RADIUS}
          refY="5"
          markerWidth="10"
          markerHeight="10"
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="walk-arrowhead" />
        </marker>
      </defs>
      {walk.nodes.flatMap((node, k) =>
        node.parents.map((p, slot) => {
          const id = `${k}:${slot}`;
          const g = edgeGeometry(k, p, slot, node.parents.length, count);
          const state = id === pushing ? 'pushing' : onPath.has(id) ? 'on-path' : 'idle';
          return (
            <g key={id} className={`walk-edge ${state}`} data-edge={id} data-state={state}>
              <path d={g.d} markerEnd={state === 'idle' ? undefined : 'url(#walk-arrow)'} />
              {state === 'pushing' && (
                <text x={g.labelX} y={g.labelY} textAnchor="middle" className="walk-amount">
                  +{num(step.amount!)}
                </text>
              )}
            </g>
          );
        }),
      )}
      {walk.nodes.map((node, k) => {
        const x = nodeX(k, count);
        const lit = k === step.node;
        return (
          <g
            key={node.address}
            className={`walk-node${lit ? ` lit ${step.kind}` : ''}`}
            data-node={node.name}
          >
            <text x={x} y={MID_Y - RADIUS - 26} textAnchor="middle" className="walk-paths">
              {step.reached[k]}/{node.paths} paths
            </text>
            <circle cx={x} cy={MID_Y} r={RADIUS} />
            <text x={x} y={MID_Y + 6} textAnchor="middle" className="walk-name">
              {node.name}
            </text>
            <text x={x} y={MID_Y + RADIUS + 34} textAnchor="middle" className="walk-grad">
              grad {num(step.grads[k])}
            </text>
            {lit && (
              <text x={x} y={MID_Y + RADIUS + 56} textAnchor="middle" className="walk-here">
                {step.kind === 'push' ? '▲ receives' : '▲ visited'}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
