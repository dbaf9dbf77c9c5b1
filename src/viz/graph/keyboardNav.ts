/**
 * Moving a keyboard focus through the drawn graph along its edges: to a parent (an input), to
 * a child (a node it feeds), or to the previous / next node of the same layer. Pure: it reads
 * the spec and the layout only. Of several parents or children it picks the one nearest across.
 */
import type { GraphLayout } from './graphLayout';
import type { GraphSpec } from './spec';

/** A move of the focus. */
export type GraphMove = 'parent' | 'child' | 'previousSibling' | 'nextSibling';

/**
 * Which move an arrow key makes: along the layout's direction the arrow toward the inputs goes
 * to a parent (↑ when the graph flows down, ← when it flows right); across it, to a sibling.
 */
export function moveForKey(key: string, direction: GraphLayout['direction']): GraphMove | null {
  const down = direction === 'down';
  switch (key) {
    case 'ArrowUp':
      return down ? 'parent' : 'previousSibling';
    case 'ArrowDown':
      return down ? 'child' : 'nextSibling';
    case 'ArrowLeft':
      return down ? 'previousSibling' : 'parent';
    case 'ArrowRight':
      return down ? 'nextSibling' : 'child';
    default:
      return null;
  }
}

/** The node `move` goes to from node `from`, or `from` when there is none that way. */
export function moveFocus(
  spec: GraphSpec,
  layout: GraphLayout,
  from: number,
  move: GraphMove,
): number {
  const across = layout.direction === 'down' ? layout.x : layout.y;
  const nearest = (ids: number[]): number =>
    ids.reduce(
      (best, id) =>
        Math.abs(across[id] - across[from]) < Math.abs(across[best] - across[from]) ? id : best,
      ids[0] ?? from,
    );
  if (move === 'parent') return nearest(spec.nodes[from].inputs.map((input) => input.node));
  if (move === 'child') {
    const children = spec.nodes.filter((n) => n.inputs.some((i) => i.node === from));
    return nearest(children.map((n) => n.id));
  }
  const layer = spec.nodes
    .filter((n) => layout.layer[n.id] === layout.layer[from])
    .map((n) => n.id)
    .sort((a, b) => across[a] - across[b]);
  const at = layer.indexOf(from) + (move === 'nextSibling' ? 1 : -1);
  return layer[at] ?? from;
}
