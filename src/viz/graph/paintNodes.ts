/** Paints node texts and states from memory; touches the DOM only where something changed. */
import { nodeName, nodeReading, stateOf } from './nodeReading';
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
  return stateOf(node, context) === 'live';
}

/**
 * Writes each node's state classes, and the value and gradient texts (with the accessible name
 * that speaks them) of the nodes for which `showsText(id)` holds (the others keep stale text
 * until they come into view: rewriting text is what costs, since every changed `<text>` must be
 * laid out again; a node that takes focus is named afresh).
 */
export function paintNodes(
  spec: GraphSpec,
  dom: NodeElements,
  context: PaintContext,
  showsText: (id: number) => boolean,
): void {
  for (const node of spec.nodes) {
    const live = isLive(node, context);
    const changed = node.arena === 'model' && context.updatedFrom?.has(node.address) === true;
    if (showsText(node.id)) writeTexts(node, dom, context);
    const current = node.address === context.current;
    const visited = live && node.arena === 'scratch' && node.tapeIndex >= context.sweptFrom;
    let state = `node ${node.arena} ${node.kind} ${live ? 'live' : 'absent'}`;
    if (current) state += ' current';
    if (visited) state += ' visited';
    if (changed) state += ' changed';
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

/** Writes the box's second line and, when it changed, the name that speaks it. */
export function writeTexts(node: GraphNode, dom: NodeElements, context: PaintContext): void {
  const reading = nodeReading(node, context);
  const text = dom.text[node.id];
  if (text[0] === reading.value && text[1] === reading.gradient) return;
  if (text[0] !== reading.value) dom.value[node.id].textContent = reading.value;
  if (text[1] !== reading.gradient) dom.grad[node.id].textContent = reading.gradient;
  text[0] = reading.value;
  text[1] = reading.gradient;
  dom.els[node.id].setAttribute('aria-label', nodeName(node, reading));
}
