import type { StateCreator } from 'zustand';
import { DEFAULT_VIEW, type ViewOptions } from '../setup';

/** The panels the narrow layout (a phone) shows one at a time. */
export type NarrowPanel = 'graph' | 'code' | 'memory' | 'workbench' | 'compare';

/**
 * The tour's end: the chapters whose question was missed, asked once more in turn, then the
 * score (when `at` has passed the last of them).
 */
export interface TourReview {
  readonly chapters: readonly number[];
  /** Which of `chapters` is open; `chapters.length` is the score screen. */
  readonly at: number;
}

/**
 * How the screen is divided: the graph alone (for a projector), presenter mode (large type,
 * the essential panels), a link's view flags (embedded, panels hidden), and the one panel a
 * phone's narrow layout shows.
 */
export interface LayoutSlice {
  /** Whether the graph takes the whole width (side panels hidden, still running). */
  wideGraph: boolean;
  toggleWideGraph: () => void;
  /** Presenter mode: large type for a classroom projector, the essential panels only. */
  presenter: boolean;
  togglePresenter: () => void;
  /** The guided tour's chapter (0-based) while the tour is open, else null. */
  tourChapter: number | null;
  /** Whether the chapter's action has run (Next then goes to the next chapter). */
  tourActed: boolean;
  /** Past the last chapter: the missed questions again, then the score; else null. */
  tourReview: TourReview | null;
  /** Opens (or closes, with null) the tour at `chapter`; `review` is kept only when passed. */
  setTour: (chapter: number | null, acted?: boolean, review?: TourReview | null) => void;
  /** Whether the guide's text (the C++ arena-migration guide) is open over the app. */
  guideOpen: boolean;
  setGuideOpen: (open: boolean) => void;
  /** A link's view flags (`embed=1`, `memory_hide=1`, …). */
  viewOptions: ViewOptions;
  setViewOptions: (view: ViewOptions) => void;
  /** The panel the narrow layout shows (its tab bar switches it); the wide layouts ignore it. */
  narrowPanel: NarrowPanel;
  setNarrowPanel: (panel: NarrowPanel) => void;
}

export const createLayoutSlice: StateCreator<LayoutSlice, [], [], LayoutSlice> = (set) => ({
  wideGraph: false,
  toggleWideGraph: () => set((s) => ({ wideGraph: !s.wideGraph })),
  presenter: false,
  togglePresenter: () => set((s) => ({ presenter: !s.presenter })),
  tourChapter: null,
  tourActed: false,
  tourReview: null,
  setTour: (tourChapter, tourActed = false, tourReview = null) =>
    set({ tourChapter, tourActed, tourReview: tourChapter === null ? null : tourReview }),
  guideOpen: false,
  setGuideOpen: (guideOpen) => set({ guideOpen }),
  viewOptions: DEFAULT_VIEW,
  setViewOptions: (viewOptions) => set({ viewOptions }),
  narrowPanel: 'graph',
  setNarrowPanel: (narrowPanel) => set({ narrowPanel }),
});
