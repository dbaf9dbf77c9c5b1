/** The fixed parts of each node's drawing: its tooltip, boxes and text positions. */
import type { Selection } from 'd3';
import { NODE_HEIGHT, NODE_WIDTH } from './graphLayout';
import { nodeTitle, nodeTooltip } from './geometry';
import type { GraphNode } from './spec';

/**
 * Sets what a node's drawing keeps from paint to paint: the tooltip, the focus ring, the box
 * (rounded for the model arena), a collapsed neuron's stripe, and where its three texts go (the
 * name and op; then value left and gradient right, emptied for `paint` to write).
 */
export function shapeNodes(join: Selection<SVGGElement, GraphNode, SVGGElement, unknown>): void {
  join.select('title').text((n) => nodeTooltip(n));
  const round = (n: { arena: string }) => (n.arena === 'model' ? 12 : 2);
  join
    .select('rect.ring')
    .attr('x', -4)
    .attr('y', -4)
    .attr('width', NODE_WIDTH + 8)
    .attr('height', NODE_HEIGHT + 8)
    .attr('rx', (n) => round(n) + 3);
  join.select('rect.box').attr('width', NODE_WIDTH).attr('height', NODE_HEIGHT).attr('rx', round);
  // A collapsed neuron also stands for its weights: a model-coloured stripe says so.
  join
    .select('rect.stripe')
    .attr('x', 2)
    .attr('y', 2)
    .attr('width', 7)
    .attr('height', NODE_HEIGHT - 4)
    .attr('rx', 2);
  // Two lines, legible at fit on a projector: the name and op, then value (left) and
  // gradient (right).
  join
    .select('text.t1')
    .attr('x', NODE_WIDTH / 2)
    .attr('y', 15)
    .text((n) => nodeTitle(n));
  // Elements reused from the last drawing are emptied: `paint` writes only what changed.
  join.select('text.t2').attr('x', 11).attr('y', 31).text('');
  join
    .select('text.t3')
    .attr('x', NODE_WIDTH - 8)
    .attr('y', 31)
    .text('');
}
