import { useEffect } from 'react';
import { useAppStore, type AppState } from '../../store/appStore';
import type { NarrowPanel } from '../../store/layoutSlice';
import { CHAPTERS } from '../tour/chapters';
import { firstPanel, shownPanel } from './panels';

/** The panel each column of the wide layout becomes in the narrow one. */
const CONTAINERS: readonly [string, NarrowPanel][] = [
  ['.graph-area', 'graph'],
  ['.side', 'memory'],
  ['.code-pane, .editor', 'code'],
  ['.workbench', 'workbench'],
  ['.compare', 'compare'],
];

/** The first element `selectors` find inside a panel, and that panel; or null. */
function subjectOf(selectors: readonly string[]): { element: Element; panel: NarrowPanel } | null {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    if (!element) continue;
    for (const [container, panel] of CONTAINERS)
      if (element.closest(container)) return { element, panel };
  }
  return null;
}

/** After the next paint, scrolls `element` into its panel's view. */
function scrollToAfterPaint(element: () => Element | null): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => element()?.scrollIntoView({ block: 'nearest', inline: 'nearest' })),
  );
}

/**
 * While the narrow layout is on, presenter mode stays off, and the one panel follows what the
 * user is looking at: a scenario
 * opens on its first panel; a record selected from the graph (a tap on a node, the tour's
 * decoding) switches to the memory panel and shows the record decoded; a tour chapter shows the
 * panel of what it is about, scrolled to it, once its start and its action have been painted.
 */
export function useNarrowFollow(narrow: boolean): void {
  useEffect(() => {
    if (!narrow) return;
    const store = useAppStore;
    let frame = 0;
    const followTour = (s: AppState): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          const now = store.getState();
          if (now.tourChapter === null || now.tourChapter !== s.tourChapter) return;
          const subject = subjectOf(CHAPTERS[now.tourChapter].about);
          if (!subject) return;
          now.setNarrowPanel(subject.panel);
          // The graph fits its panel; a column that scrolls is scrolled to the subject.
          if (subject.panel !== 'graph') scrollToAfterPaint(() => subject.element);
        });
      });
    };
    // Presenter mode is for a projector: the narrow layout has none (a link's presenter=1 too).
    if (store.getState().presenter) store.getState().togglePresenter();
    store.getState().setNarrowPanel(firstPanel(store.getState()));
    if (store.getState().tourChapter !== null) followTour(store.getState());
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.presenter && !prev.presenter) s.togglePresenter();
      if (s.scenario !== prev.scenario) s.setNarrowPanel(firstPanel(s));
      const picked = s.selectedAddress !== null && s.selectedAddress !== prev.selectedAddress;
      if (picked && (shownPanel(s) === 'graph' || s.tourChapter !== null)) {
        s.setNarrowPanel('memory');
        scrollToAfterPaint(() => document.querySelector('[data-testid="memory-record"]'));
      }
      if (
        s.tourChapter !== null &&
        (s.tourChapter !== prev.tourChapter || s.tourActed !== prev.tourActed)
      )
        followTour(s);
    });
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
    };
  }, [narrow]);
}
