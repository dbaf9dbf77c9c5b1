/**
 * How the page is shown, apart from what runs: embedded (chrome hidden, for an iframe in a
 * slide or a post) and which panels are hidden, as TensorFlow Playground's `*_hide` flags do.
 */

/** Panels a link can hide. */
export const PANELS = [
  'controls',
  'caption',
  'graph',
  'chain',
  'memory',
  'stats',
  'workbench',
] as const;
export type PanelId = (typeof PANELS)[number];

/** How the page is shown. */
export interface ViewOptions {
  /** Embedded: the title, controls, share bar and key hints are hidden (`embed=1`). */
  readonly embed: boolean;
  /** Panels hidden (`graph_hide=1`, …). */
  readonly hidden: readonly PanelId[];
  /** The guided tour's chapter to open (`chapter=N`, 1-based), or undefined. */
  readonly chapter?: number;
  /** Open in presenter mode (`presenter=1`): large type for a projector. */
  readonly presenter?: boolean;
  /** Predict mode on (`predict=1`): the step keys stop before each reveal and ask. */
  readonly predict?: boolean;
  /** Show the first-visit "Start here" panel even if it was dismissed (`start=1`; one-shot). */
  readonly start?: boolean;
}

/** Chapters of the guided tour (`chapter=1` … `chapter=9`). */
export const TOUR_CHAPTERS = 9;

export const DEFAULT_VIEW: ViewOptions = { embed: false, hidden: [] };
