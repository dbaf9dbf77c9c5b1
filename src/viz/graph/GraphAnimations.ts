/**
 * Transient motion on the graph, stepped by the app's one animation loop: gradient pulses that
 * travel from a node back along its incoming edges, and a replay of the backward sweep (a
 * highlight walking the drawn nodes in reverse tape order) after a whole backward phase.
 */
import { edgeCurve, pointOnCurve } from './geometry';
import type { GraphLayout } from './graphLayout';
import type { GraphSpec } from './spec';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Pulse {
  readonly curve: readonly number[];
  readonly dot: SVGCircleElement;
  readonly start: number;
  readonly duration: number;
}

interface Sweep {
  readonly ids: number[];
  readonly start: number;
  readonly duration: number;
  shown: number;
}

/** Pulses and sweep replays for one drawn graph. */
export class GraphAnimations {
  private incoming = new Map<number, number[]>();
  private curves: number[][] = [];
  private nodeEls: SVGGElement[] = [];
  private spec: GraphSpec | null = null;
  private pulses: Pulse[] = [];
  private sweepState: Sweep | null = null;

  constructor(private readonly layer: SVGGElement) {}

  /** Called by the renderer whenever it rebuilds the drawing. */
  setGraph(spec: GraphSpec, layout: GraphLayout, nodeEls: SVGGElement[]): void {
    this.clear();
    this.spec = spec;
    this.nodeEls = nodeEls;
    this.incoming = new Map();
    this.curves = [];
    for (const node of spec.nodes) {
      const edges: number[] = [];
      for (const input of node.inputs) {
        edges.push(this.curves.length);
        this.curves.push(edgeCurve(layout, input.node, node.id));
      }
      this.incoming.set(node.address, edges);
    }
  }

  /** Sends a pulse from the node at `address` back along each of its incoming edges. */
  pulse(address: number, duration: number, now: number): void {
    for (const e of this.incoming.get(address) ?? []) {
      const dot = document.createElementNS(SVG_NS, 'circle');
      dot.setAttribute('class', 'pulse');
      dot.setAttribute('r', '5');
      this.layer.appendChild(dot);
      this.pulses.push({ curve: this.curves[e], dot, start: now, duration });
    }
  }

  /** Replays the sweep over drawn scratch nodes with tape index in `[to, from]`, top down. */
  sweep(from: number, to: number, duration: number, now: number): void {
    if (!this.spec) return;
    const ids = this.spec.nodes
      .filter((n) => n.arena === 'scratch' && n.tapeIndex >= to && n.tapeIndex <= from)
      .sort((a, b) => b.tapeIndex - a.tapeIndex)
      .map((n) => n.id);
    this.endSweep();
    if (ids.length > 0) this.sweepState = { ids, start: now, duration, shown: -1 };
  }

  /** Whether anything is still moving. */
  get active(): boolean {
    return this.pulses.length > 0 || this.sweepState !== null;
  }

  /** Advances every animation to time `now`; returns whether any is still running. */
  frame(now: number): boolean {
    this.pulses = this.pulses.filter((p) => {
      const t = (now - p.start) / p.duration;
      if (t >= 1) {
        p.dot.remove();
        return false;
      }
      const [x, y] = pointOnCurve(p.curve, 1 - Math.max(0, t)); // from the node back to its parent
      p.dot.setAttribute('cx', x.toFixed(1));
      p.dot.setAttribute('cy', y.toFixed(1));
      return true;
    });
    const s = this.sweepState;
    if (s) {
      const t = (now - s.start) / s.duration;
      if (t >= 1) this.endSweep();
      else {
        const index = Math.min(s.ids.length - 1, Math.floor(Math.max(0, t) * s.ids.length));
        if (index !== s.shown) {
          if (s.shown >= 0) this.nodeEls[s.ids[s.shown]]?.removeAttribute('data-sweep');
          this.nodeEls[s.ids[index]]?.setAttribute('data-sweep', 'true');
          s.shown = index;
        }
      }
    }
    return this.active;
  }

  /** Stops everything at once. */
  clear(): void {
    for (const p of this.pulses) p.dot.remove();
    this.pulses = [];
    this.endSweep();
  }

  private endSweep(): void {
    const s = this.sweepState;
    if (s && s.shown >= 0) this.nodeEls[s.ids[s.shown]]?.removeAttribute('data-sweep');
    this.sweepState = null;
  }
}
