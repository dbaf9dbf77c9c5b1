/**
 * Draws a computation graph into an `<svg>` it owns (d3 for the join and for zoom/pan). The DOM
 * is built once per structure (`setGraph`); `paint` then only rewrites the texts and classes
 * that changed, reading values and gradients from the engine's memory in place. Transient
 * motion (gradient pulses, the backward sweep) lives in {@link GraphAnimations}.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { GraphAnimations } from './GraphAnimations';
import { clickKeepsKeys, GraphFocus } from './graphFocus';
import { NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './graphLayout';
import { edgePath, groupBoxes } from './geometry';
import { shapeNodes } from './nodeShapes';
import { paintEdges, type EdgeElements } from './paintEdges';
import { paintNodes, writeTexts, type NodeElements } from './paintNodes';
import type { PaintContext } from './paintContext';
import type { GraphSpec } from './spec';

/** Below this zoom, node texts are hidden (unreadable anyway) and not kept up to date. */
const TEXT_MIN_SCALE = 0.4;
/** The smallest node text's size in graph units (graph.css: `.node .t2`, `.t3`). */
const NODE_TEXT_PX = 13;
/** Graphs with more nodes than this skip CSS transitions. */
const LARGE_GRAPH = 300;

/** What the renderer reports back. */
export interface GraphRendererCallbacks {
  onHover(address: number | null): void;
  onSelect(address: number | null): void;
  /** Whether Enter on a focused node may start walking the graph with the arrows. */
  canWalk?(): boolean;
}

/** One graph view. Create it on an `<svg>` from a ref; call `destroy` on unmount. */
export class GraphRenderer {
  readonly animations: GraphAnimations;
  private readonly focus: GraphFocus;
  private spec: GraphSpec | null = null;
  private layout: GraphLayout | null = null;
  private readonly viewport: SVGGElement;
  private readonly groupLayer: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private nodes: NodeElements | null = null;
  private edges: EdgeElements | null = null;
  private lastContext: PaintContext | null = null;
  private transform: ZoomTransform = zoomIdentity;
  /** Whether the user zoomed or panned since the last fit. */
  private viewChosen = false;
  private textMinScale = TEXT_MIN_SCALE;
  /** The svg's size, kept by a ResizeObserver: reading clientWidth per paint forces a reflow. */
  private size = { width: 800, height: 600 };
  private readonly resizeObserver: ResizeObserver;

  constructor(
    readonly svg: SVGSVGElement,
    private readonly callbacks: GraphRendererCallbacks,
  ) {
    const root = select(svg);
    this.size = { width: svg.clientWidth || 800, height: svg.clientHeight || 600 };
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) this.size = { width, height };
    });
    this.resizeObserver.observe(svg);
    const viewport = root.append('g').attr('class', 'viewport');
    this.viewport = viewport.node()!;
    this.groupLayer = viewport.append('g').attr('class', 'groups').node()!;
    this.edgeLayer = viewport.append('g').attr('class', 'edges').node()!;
    const pulseLayer = viewport.append('g').attr('class', 'pulses').node()!;
    this.nodeLayer = viewport.append('g').attr('class', 'nodes').node()!;
    this.animations = new GraphAnimations(pulseLayer);
    this.focus = new GraphFocus(this.nodeLayer, {
      onSelect: (address) => callbacks.onSelect(address),
      onHover: (address) => callbacks.onHover(address),
      refresh: (id) => {
        const node = this.spec?.nodes[id];
        if (node && this.nodes && this.lastContext) writeTexts(node, this.nodes, this.lastContext);
      },
      canWalk: () => callbacks.canWalk?.() ?? true,
    });
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.05, 4])
      .on('zoom', (event) => {
        // A wheel, drag or pinch (not a fit): the user chose this view, a resize keeps it.
        if (event.sourceEvent) this.viewChosen = true;
        this.transform = event.transform;
        this.viewport.setAttribute('transform', event.transform.toString());
        this.svg.classList.toggle('no-text', event.transform.k < this.textMinScale);
        if (this.lastContext) this.paint(this.lastContext);
      });
    root.call(this.zoomBehavior).on('dblclick.zoom', null);
    root.on('click', (event: MouseEvent) => {
      if (event.target === svg) this.callbacks.onSelect(null);
    });
  }

  /** The spec on screen, or null. */
  get currentSpec(): GraphSpec | null {
    return this.spec;
  }

  /** Replaces the drawing when the structure changed; does nothing for the same key. */
  setGraph(spec: GraphSpec, layout: GraphLayout): void {
    if (this.spec?.key === spec.key && this.layout === layout) return;
    const firstDrawing = this.spec === null || this.layout?.direction !== layout.direction;
    const sameFrame =
      this.layout !== null &&
      this.layout.width === layout.width &&
      this.layout.height === layout.height;
    this.spec = spec;
    this.layout = layout;
    // Fades on a thousand nodes at once cost more than they teach: big graphs switch instantly.
    this.svg.classList.toggle('large', spec.nodes.length > LARGE_GRAPH);
    this.buildGroups(spec, layout);
    this.buildEdges(spec, layout);
    this.buildNodes(spec, layout);
    this.animations.setGraph(spec, layout, this.nodes!.els);
    this.focus.setGraph(spec, layout, this.nodes!.els);
    if (firstDrawing || !sameFrame) this.fit();
    if (this.lastContext) this.paint(this.lastContext);
  }

  /** Redraws values, gradients and states from memory. Cheap when little changed. */
  paint(context: PaintContext): void {
    this.lastContext = context;
    if (!this.spec || !this.nodes || !this.edges) return;
    paintNodes(this.spec, this.nodes, context, this.textFilter());
    paintEdges(this.spec, this.edges, context);
  }

  /**
   * Which nodes get their texts rewritten: none when zoomed out too far to read them (the texts
   * are hidden), else those in view. Rewriting off-screen text would cost layout for nothing.
   */
  private textFilter(): (id: number) => boolean {
    const layout = this.layout;
    const t = this.transform;
    if (!layout || t.k < this.textMinScale) return () => false;
    const { width, height } = this.size;
    const x0 = -t.x / t.k - NODE_WIDTH;
    const y0 = -t.y / t.k - NODE_HEIGHT;
    const x1 = (width - t.x) / t.k + NODE_WIDTH;
    const y1 = (height - t.y) / t.k + NODE_HEIGHT;
    return (id) =>
      layout.x[id] >= x0 && layout.x[id] <= x1 && layout.y[id] >= y0 && layout.y[id] <= y1;
  }

  /**
   * Hides node texts that would draw under `px` screen pixels (presenter mode: 16; null: below
   * {@link TEXT_MIN_SCALE}), the smallest node text being `nodeTextPx` graph units (its CSS).
   */
  setMinTextPx(px: number | null, nodeTextPx = NODE_TEXT_PX): void {
    this.textMinScale = px === null ? TEXT_MIN_SCALE : px / nodeTextPx;
    this.svg.classList.toggle('no-text', this.transform.k < this.textMinScale);
    if (this.lastContext) this.paint(this.lastContext);
  }

  /**
   * Fits again after the view's box changed size, unless the user zoomed or panned since the
   * last fit (a phone's caption growing by a line must not undo a pinch).
   */
  refit(): void {
    if (!this.viewChosen) this.fit();
  }

  /** Zooms so the whole graph fits the view. */
  fit(): void {
    this.viewChosen = false;
    const layout = this.layout;
    const width = this.svg.clientWidth || 800;
    const height = this.svg.clientHeight || 600;
    if (!layout) return;
    const pad = 16;
    const margin = 26; // room for neuron group boxes and their labels
    const w = layout.width + 2 * margin;
    const h = layout.height + 2 * margin;
    const scale = Math.min((width - pad) / w, (height - pad) / h, 1.4);
    const tx = (width - w * scale) / 2 + margin * scale;
    const ty = (height - h * scale) / 2 + margin * scale;
    select(this.svg).call(this.zoomBehavior.transform, zoomIdentity.translate(tx, ty).scale(scale));
  }

  /** Removes everything the renderer added. */
  destroy(): void {
    this.resizeObserver.disconnect();
    select(this.svg).on('.zoom', null).on('click', null);
    this.viewport.remove();
  }

  private buildGroups(spec: GraphSpec, layout: GraphLayout): void {
    const boxes = groupBoxes(spec, layout);
    const join = select(this.groupLayer)
      .selectAll<SVGGElement, (typeof boxes)[number]>('g.group')
      .data(boxes)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'group');
        g.append('rect').attr('rx', 12);
        g.append('text').attr('class', 'group-label');
        return g;
      });
    join
      .select('rect')
      .attr('x', (b) => b.x)
      .attr('y', (b) => b.y)
      .attr('width', (b) => b.w)
      .attr('height', (b) => b.h);
    join
      .select('text')
      .attr('x', (b) => b.x + 10)
      .attr('y', (b) => b.y + 16)
      .text((b) => b.label);
  }

  private buildEdges(spec: GraphSpec, layout: GraphLayout): void {
    const list: { from: number; to: number; slot: number }[] = [];
    for (const node of spec.nodes)
      for (const input of node.inputs)
        list.push({ from: input.node, to: node.id, slot: input.slot });
    const els = select(this.edgeLayer)
      .selectAll<SVGPathElement, (typeof list)[number]>('path')
      .data(list)
      .join('path')
      .attr('class', 'edge')
      .attr('d', (e) => edgePath(layout, e.from, e.to))
      .nodes();
    this.edges = {
      els,
      from: Int32Array.from(list, (e) => e.from),
      to: Int32Array.from(list, (e) => e.to),
      slot: Int32Array.from(list, (e) => e.slot),
      style: list.map(() => ''),
      flow: new Float64Array(list.length),
    };
  }

  private buildNodes(spec: GraphSpec, layout: GraphLayout): void {
    const join = select(this.nodeLayer)
      .selectAll<SVGGElement, (typeof spec.nodes)[number]>('g.node')
      .data(spec.nodes)
      .join((enter) => {
        const g = enter.append('g');
        g.append('title');
        g.append('rect').attr('class', 'ring');
        g.append('rect').attr('class', 'box');
        g.append('rect').attr('class', 'stripe');
        for (const line of ['t1', 't2', 't3']) g.append('text').attr('class', line);
        // A space between the lines in the DOM (not drawn: SVG draws text elements only), so
        // the box's text reads as words: `w1 −0.709 g 0`, as its accessible name begins.
        g.each(function () {
          for (const line of this.querySelectorAll('text.t2, text.t3'))
            this.insertBefore(document.createTextNode(' '), line);
        });
        return g;
      });
    join
      .attr('data-testid', 'graph-node')
      .attr('role', 'button')
      .attr('aria-roledescription', 'graph node')
      .attr('data-arena', (n) => n.arena)
      .attr('data-address', (n) => String(n.address))
      .attr('data-kind', (n) => n.kind)
      .attr(
        'transform',
        (n) => `translate(${layout.x[n.id] - NODE_WIDTH / 2},${layout.y[n.id] - NODE_HEIGHT / 2})`,
      )
      .each(function (n) {
        if (n.arena === 'scratch') this.setAttribute('data-tape-index', String(n.tapeIndex));
        else this.removeAttribute('data-tape-index');
      })
      .on('mouseenter', (_, n) => this.callbacks.onHover(n.address))
      .on('mouseleave', () => this.callbacks.onHover(null))
      .on('mousedown', clickKeepsKeys)
      .on('click', (event: MouseEvent, n) => {
        event.stopPropagation();
        this.callbacks.onSelect(this.lastContext?.selected === n.address ? null : n.address);
      });
    shapeNodes(join);
    join.attr('aria-label', null);
    const els = join.nodes();
    this.nodes = {
      els,
      value: els.map((g) => g.querySelector('text.t2') as SVGTextElement),
      grad: els.map((g) => g.querySelector('text.t3') as SVGTextElement),
      text: spec.nodes.map(() => ['', '']),
      state: spec.nodes.map(() => ''),
    };
  }
}
