/**
 * Where the guide view's links go: a panel of the "Before vs after" scenario that runs a piece of
 * the guide live, or the guide's example stopped at the phase that shows the fix. Going there
 * changes the scenario through the store (and the session's commands), then scrolls to the place
 * and gives it the focus, so a keyboard user lands where the link said.
 */
import type { DisplayPhase } from '../../core';
import { guideAt, type TourContext } from '../tour/chapters';

/** A place in the app a link of the guide view leads to. */
export type AppPlace =
  /** The Before vs after section holding the element `selector` finds. */
  | { readonly kind: 'compare'; readonly selector: string }
  /** The guide's example, fresh, stepped until `phase` is shown; the graph gets the focus. */
  | { readonly kind: 'example'; readonly phase: DisplayPhase };

/** Frames to wait for a place to appear after the scenario changed (about two seconds). */
const PATIENCE_FRAMES = 120;

/** The element `place` lands on, if it is on screen. */
function target(place: AppPlace): HTMLElement | SVGElement | null {
  if (place.kind === 'example') return document.querySelector('[data-testid="graph-view"]');
  return document.querySelector(place.selector)?.closest('section') ?? null;
}

/** Scrolls `element` into view and focuses it, marked (`data-landed`) until it loses the focus. */
function land(element: HTMLElement | SVGElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.scrollIntoView({ block: 'start' });
  element.setAttribute('data-landed', '');
  element.addEventListener('blur', () => element.removeAttribute('data-landed'), { once: true });
  element.focus({ preventScroll: true });
}

/** Shows `place`: switches the scenario (or steps the example), then lands on it once drawn. */
export function goToPlace(place: AppPlace, app: TourContext): void {
  if (place.kind === 'example') guideAt(app, place.phase);
  else if (app.state().scenario !== 'compare') app.state().setScenario('compare');
  let frames = 0;
  const attempt = (): void => {
    const element = target(place);
    if (element) land(element);
    else if (++frames < PATIENCE_FRAMES) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
