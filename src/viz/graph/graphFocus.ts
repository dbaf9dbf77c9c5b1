/**
 * The graph by keyboard: the drawn nodes form one Tab stop (a roving tabindex: the focused node
 * has tabindex 0, the others -1). A focused (or clicked) node leaves the step keys to the app;
 * Enter starts *walking* the graph (not in presenter mode, where the step keys always step):
 * then arrows move the focus along edges ({@link moveFocus}), Enter selects the node (the memory
 * view decodes its record), and Esc (or leaving the graph) stops walking. The svg carries
 * `data-walking` while it lasts, so the page can say so. E edits a weight (as a double-click
 * does). A node that takes focus has its box's texts and its name written afresh, together
 * (`writeTexts`): label, op, value and gradient (or why it has none), arena.
 */
import { moveFocus, moveForKey } from './keyboardNav';
import type { GraphLayout } from './graphLayout';
import type { GraphSpec } from './spec';

export interface GraphFocusCallbacks {
  onSelect(address: number): void;
  onHover(address: number | null): void;
  /**
   * Writes node `id`'s texts and the name that speaks them from the moment last painted (a node
   * out of view keeps stale text until then: its name must not run ahead of its box).
   */
  refresh(id: number): void;
  /** Whether Enter may start walking the graph (false in presenter mode). */
  canWalk(): boolean;
}

export class GraphFocus {
  private spec: GraphSpec | null = null;
  private layout: GraphLayout | null = null;
  private els: SVGGElement[] = [];
  private focused = -1;
  private walking = false;

  constructor(
    private readonly layer: SVGGElement,
    private readonly callbacks: GraphFocusCallbacks,
  ) {
    layer.addEventListener('keydown', this.onKey);
    layer.addEventListener('focusin', this.onFocus);
    layer.addEventListener('focusout', this.onFocusOut);
    // Chromium makes an SVG element with focus listeners focusable: keep the layer itself out
    // of the Tab order (its nodes are the one stop).
    layer.setAttribute('tabindex', '-1');
  }

  /** A new drawing: keeps the focus on the same record if it is still drawn, else the output. */
  setGraph(spec: GraphSpec, layout: GraphLayout, els: SVGGElement[]): void {
    const address = this.spec?.nodes[this.focused]?.address;
    this.spec = spec;
    this.layout = layout;
    this.els = els;
    const kept = spec.nodes.findIndex((n) => n.address === address);
    this.focused = kept >= 0 ? kept : spec.nodes.length - 1;
    els.forEach((el, id) => el.setAttribute('tabindex', id === this.focused ? '0' : '-1'));
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    const spec = this.spec;
    const layout = this.layout;
    const id = this.idOf(event.target);
    if (!spec || !layout || id < 0 || event.ctrlKey || event.metaKey || event.altKey) return;
    const move = this.walking ? moveForKey(event.key, layout.direction) : null;
    if (move) {
      event.preventDefault();
      this.focus(moveFocus(spec, layout, id, move));
    } else if (event.key === 'Enter' && (this.walking || this.callbacks.canWalk())) {
      event.preventDefault();
      this.setWalking(true);
      this.callbacks.onSelect(spec.nodes[id].address);
    } else if (event.key === 'Escape' && this.walking) {
      event.preventDefault();
      this.setWalking(false);
    } else if (event.key === 'e' || event.key === 'E') {
      event.preventDefault();
      const el = this.els[id];
      el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
    }
  };

  private readonly onFocus = (event: FocusEvent): void => {
    const id = this.idOf(event.target);
    if (id < 0 || !this.spec) return;
    this.focused = id;
    this.callbacks.refresh(id);
    this.callbacks.onHover(this.spec.nodes[id].address);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    if (!this.layer.contains(event.relatedTarget as Node | null)) this.setWalking(false);
  };

  /** Starts or stops walking; the svg's `data-walking` tells the page. */
  private setWalking(walking: boolean): void {
    this.walking = walking;
    this.layer.ownerSVGElement?.toggleAttribute('data-walking', walking);
  }

  private focus(id: number): void {
    const previous = this.els[this.focused];
    const next = this.els[id];
    if (!next) return;
    previous?.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  }

  private idOf(target: EventTarget | null): number {
    const el = (target as Element | null)?.closest?.('[data-testid="graph-node"]');
    return el ? this.els.indexOf(el as SVGGElement) : -1;
  }
}

/**
 * A mousedown on a node: it decodes the node (the click does) but never takes the keys — no
 * focus moves to it, and whatever had focus lets go, so the step keys stay the page's. Walking
 * the graph is Tab, then Enter.
 */
export function clickKeepsKeys(event: MouseEvent): void {
  event.preventDefault();
  const active = document.activeElement as HTMLElement | null;
  if (active && active !== document.body && !active.closest('dialog')) active.blur();
}
