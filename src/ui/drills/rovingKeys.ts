import type { KeyboardEvent } from 'react';

/**
 * Arrow keys over a set of buttons laid out `columns` to a row (1: a list): ← → move by one,
 * ↑ ↓ by a row, Home and End to the ends. Moves the focus and the roving tab stop; returns the
 * index it moved to, or -1 when the key is not one of these.
 */
export function moveByKey(
  event: KeyboardEvent<HTMLElement>,
  buttons: readonly HTMLElement[],
  columns: number,
): number {
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return -1;
  const last = buttons.length - 1;
  const step: Record<string, number> = {
    ArrowDown: at + columns,
    ArrowUp: at - columns,
    ArrowRight: at + 1,
    ArrowLeft: at - 1,
    Home: 0,
    End: last,
  };
  if (!(event.key in step) || event.altKey || event.ctrlKey || event.metaKey) return -1;
  event.preventDefault();
  const to = Math.max(0, Math.min(last, step[event.key]));
  buttons.forEach((b, i) => (b.tabIndex = i === to ? 0 : -1));
  buttons[to].focus();
  return to;
}

/** "1st", "2nd", "3rd", "4th" … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}
