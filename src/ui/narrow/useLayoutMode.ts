/**
 * Which layout the window gets: the desktop's columns, or (a phone, a portrait tablet) one panel
 * at a time; and whether the step buttons sit in a bar at the bottom for the thumbs (any touch
 * screen, and the narrow layout). Measured with media queries, so a rotated tablet or a resized
 * window changes layout at once.
 */
import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/appStore';

/** Below this width every scenario shows one panel at a time (a phone). */
export const NARROW_QUERY = '(max-width: 699px)';
/** Below this width the scenarios of three columns (the playground's editor counts) do too. */
export const NARROW_THREE_COLUMNS_QUERY = '(max-width: 999px)';
/**
 * On a touch screen below this width (a landscape tablet) the workbench and Before vs after do
 * too: their three columns of touch-sized controls need the room.
 */
export const NARROW_TOUCH_QUERY = '(pointer: coarse) and (max-width: 1199px)';
/** A touch screen: every control sized for a finger, the step buttons in the thumb bar. */
export const TOUCH_QUERY = '(pointer: coarse)';

/** Whether `query` matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}

/** The layout on screen. */
export interface LayoutMode {
  /** One panel at a time, switched by the panel tabs. */
  readonly narrow: boolean;
  /** Node, Phase, Step, Back and Play in the thumb bar at the bottom (not in the header). */
  readonly thumbs: boolean;
}

/** The layout for this window and scenario. */
export function useLayoutMode(): LayoutMode {
  const phone = useMediaQuery(NARROW_QUERY);
  const tablet = useMediaQuery(NARROW_THREE_COLUMNS_QUERY);
  const touchTablet = useMediaQuery(NARROW_TOUCH_QUERY);
  const touch = useMediaQuery(TOUCH_QUERY);
  const scenario = useAppStore((s) => s.scenario);
  const wideColumns = scenario === 'mlp' || scenario === 'compare';
  const narrow =
    phone || (tablet && (wideColumns || scenario === 'playground')) || (touchTablet && wideColumns);
  return { narrow, thumbs: narrow || touch };
}
