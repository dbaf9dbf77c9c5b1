import type { GraphRenderer } from '../viz/graph/GraphRenderer';

/** The graph view's parts the session paints. */
export interface GraphViewHandle {
  readonly renderer: GraphRenderer;
  readonly chainRule: HTMLElement | null;
}
