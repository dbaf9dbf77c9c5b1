import { useEffect, type RefObject } from 'react';
import { useAppStore } from '../store/appStore';
import { boxesOf, freeSpot, type Box } from './dock';

/** Widths tried for the box, as fractions of the graph area's width (widest first). */
const WIDTHS = [0.5, 0.38, 0.3];

/**
 * In presenter mode the chain-rule box floats over the graph: this puts it where it covers no
 * node — a corner of the graph area, else a place along its edges, narrowing the box if it must
 * — re-measured when its text, the step or the size changes (at most once a frame). When no
 * place is free it goes to the bottom right and says so (`data-covers`). Outside presenter mode
 * it sits below the graph and its style is left alone.
 */
export function useChainRuleDock(
  chainRef: RefObject<HTMLElement | null>,
  svgRef: RefObject<SVGSVGElement | null>,
): void {
  useEffect(() => {
    const chain = chainRef.current;
    const svg = svgRef.current;
    if (!chain || !svg) return;
    let frame = 0;
    const place = (): void => {
      frame = 0;
      // Outside presenter mode nothing is measured: a measurement here would force a layout in
      // every frame the chain rule's text changes.
      const area = useAppStore.getState().presenter
        ? chain.parentElement?.getBoundingClientRect()
        : undefined;
      if (!area) {
        chain.removeAttribute('style');
        return;
      }
      const nodes = boxesOf('[data-testid="graph-node"]', svg);
      for (const fraction of WIDTHS) {
        chain.style.width = `${Math.round(area.width * fraction)}px`;
        const spot = freeSpot(
          { width: chain.offsetWidth, height: chain.offsetHeight },
          area,
          nodes,
        );
        if (spot) return put(chain, spot, area, false);
      }
      chain.style.width = `${Math.round(area.width * WIDTHS[0])}px`;
      const { offsetWidth: width, offsetHeight: height } = chain;
      const corner = { left: area.right - width - 8, top: area.bottom - height - 8, width, height };
      put(chain, corner, area, true);
    };
    const soon = (): void => {
      if (frame === 0) frame = requestAnimationFrame(place);
    };
    const text = new MutationObserver(soon);
    text.observe(chain, { childList: true, characterData: true, subtree: true });
    const size = new ResizeObserver(soon);
    size.observe(svg);
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.presenter !== prev.presenter || s.memoryVersion !== prev.memoryVersion) soon();
    });
    soon();
    return () => {
      cancelAnimationFrame(frame);
      text.disconnect();
      size.disconnect();
      unsubscribe();
    };
  }, [chainRef, svgRef]);
}

/** Places the box at `spot` (window coordinates) inside `area`, its positioned parent. */
function put(chain: HTMLElement, spot: Box, area: DOMRect, covers: boolean): void {
  chain.style.left = `${Math.round(spot.left - area.left)}px`;
  chain.style.top = `${Math.round(spot.top - area.top)}px`;
  chain.toggleAttribute('data-covers', covers);
}
