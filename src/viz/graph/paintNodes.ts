/** Paints node texts and states from memory; touches the DOM only where something changed. */
import { gradientAt, valueAt } from '../../core';
import { formatNumber as f } from './numberFormat';
import type { PaintContext } from './paintContext';
import type { GraphNode, GraphSpec } from './spec';

/** The DOM of the drawn nodes, with the last strings written (to skip unchanged writes). */
export interface NodeElements {
  readonly els: SVGGElement[];
  readonly value: SVGTextElement[];
  readonly grad: SVGTextElement[];
  readonly text: [string, string][];
  readonly state: string[];
}

/** Whether a node's record is in memory and revealed right now. */
export function isLive(node: GraphNode, context: PaintContext): boolean {
  return (
    node.arena === 'model' ||
    (node.tapeIndex >= context.liveFrom && node.tapeIndex < context.liveTo)
  );
}

/**
 * Writes each node's state classes, and the value and gradient texts of the nodes for which
 * `showsText(id)` holds (the others keep stale text until they come into view: rewriting text
 * is what costs, since every changed `<text>` must be laid out again).
 */
export function paintNodes(
  spec: GraphSpec,
  dom: NodeElements,
  context: PaintContext,
  showsText: (id: number) => boolean,
): void {
  for (const node of spec.nodes) {
    const live = isLive(node, context);
    const before = node.arena === 'model' ? context.updatedFrom?.get(node.address) : undefined;
    if (showsText(node.id)) writeTexts(node, dom, context, live, before);
    const current = node.address === context.current;
    const visited = live && node.arena === 'scratch' && node.tapeIndex >= context.sweptFrom;
    let state = `node ${node.arena} ${node.kind} ${live ? 'live' : 'absent'}`;
    if (current) state += ' current';
    if (visited) state += ' visited';
    if (before !== undefined) state += ' changed';
    if (node.address === context.selected) state += ' selected';
    if (node.address === context.hovered) state += ' hovered';
    if (dom.state[node.id] !== state) {
      dom.state[node.id] = state;
      const el = dom.els[node.id];
      el.setAttribute('class', state);
      el.setAttribute('data-state', live ? 'live' : 'absent');
      if (current) el.setAttribute('data-current', 'true');
      else el.removeAttribute('data-current');
      if (visited) el.setAttribute('data-visited', 'true');
      else el.removeAttribute('data-visited');
    }
  }
}

function writeTexts(
  node: GraphNode,
  dom: NodeElements,
  context: PaintContext,
  live: boolean,
  before: number | undefined,
): void {
  const snapshot = context.lastScratch;
  let v = NaN;
  let g = NaN;
  if (live) {
    v = valueAt(context.memory, node.address);
    g = gradientAt(context.memory, node.address);
  } else if (snapshot) {
    const i = (node.address - context.scratchBase) >> 3;
    if (i >= 0 && i + 1 < snapshot.length) {
      v = snapshot[i];
      g = snapshot[i + 1];
    }
  }
  // Three significant digits on the node (the chain-rule panel shows four): value left,
  // gradient right after its `g`. During the update the value shows old → new and the
  // gradient steps aside (the update panel lists it).
  const valueText =
    before !== undefined ? `${f(before, 3)}→${f(v, 3)}` : Number.isNaN(v) ? '—' : f(v, 3);
  const gradText = before !== undefined ? '' : `g ${Number.isNaN(g) ? '—' : f(g, 3)}`;
  const text = dom.text[node.id];
  if (text[0] !== valueText) {
    text[0] = valueText;
    dom.value[node.id].textContent = valueText;
  }
  if (text[1] !== gradText) {
    text[1] = gradText;
    dom.grad[node.id].textContent = gradText;
  }
}
