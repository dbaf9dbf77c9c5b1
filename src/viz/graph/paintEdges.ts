/**
 * Paints edges: once a node has passed its gradient on, each incoming edge shows what flowed
 * back along it (the core's rule for that parent, `gradientToParentAt`): width by magnitude,
 * colour by sign.
 */
import { gradientToParentAt } from '../../core';
import { isLive } from './paintNodes';
import type { PaintContext } from './paintContext';
import type { GraphSpec } from './spec';

/** The DOM of the drawn edges and the last style written to each. */
export interface EdgeElements {
  readonly els: SVGPathElement[];
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly slot: Int32Array;
  readonly style: string[];
  /** Scratch: the gradient that flowed along each edge in this paint. */
  readonly flow: Float64Array;
}

/** Writes each edge's class and width. */
export function paintEdges(spec: GraphSpec, dom: EdgeElements, context: PaintContext): void {
  const count = dom.els.length;
  const flow = dom.flow;
  let max = 0;
  for (let e = 0; e < count; e++) {
    flow[e] = NaN;
    const child = spec.nodes[dom.to[e]];
    const slot = dom.slot[e];
    if (slot < 0 || !isLive(child, context) || !isLive(spec.nodes[dom.from[e]], context)) continue;
    if (child.tapeIndex < context.sweptFrom) continue;
    if (context.gradientHidden?.(spec.nodes[dom.from[e]].address)) continue; // the learner's to predict
    const amount = gradientToParentAt(context.memory, child.address, slot);
    flow[e] = amount;
    if (Math.abs(amount) > max) max = Math.abs(amount);
  }
  for (let e = 0; e < count; e++) {
    const child = spec.nodes[dom.to[e]];
    const live = isLive(child, context) && isLive(spec.nodes[dom.from[e]], context);
    const amount = flow[e];
    let cls = 'edge';
    let width = 1.2;
    if (!live) cls += ' absent';
    else if (dom.slot[e] < 0) cls += ' summary';
    else if (!Number.isNaN(amount)) {
      cls += amount > 0 ? ' positive' : amount < 0 ? ' negative' : ' zero';
      width = max > 0 ? 1 + 5 * Math.sqrt(Math.abs(amount) / max) : 1;
    }
    const style = `${cls}|${width.toFixed(1)}`;
    if (dom.style[e] !== style) {
      dom.style[e] = style;
      dom.els[e].setAttribute('class', cls);
      dom.els[e].setAttribute('stroke-width', width.toFixed(1));
    }
  }
}
