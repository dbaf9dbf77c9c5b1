/**
 * Who owns a key press: the app's step keys or the focused control. One rule for the whole page,
 * stated in the keys dialog (`?`) and held by a browser test sentence by sentence:
 * - a text field, a menu, a slider, the program editor and an open modal dialog own every key;
 * - a focused button (or link, checkbox, radio, summary) owns Enter and Space, which press it;
 * - everything else (the page, the graph, the memory view, a panel, the tour) leaves the step
 *   keys to the app, unless it handled the key itself first (`preventDefault`): the graph and
 *   the memory view do that only while the user walks them with the arrows (a mode entered with
 *   Enter and left with Esc).
 */

/** What owns every key while it has focus. */
const OWNS_EVERY_KEY = [
  'textarea',
  'select',
  'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="reset"])',
  '[contenteditable="true"]',
  '[contenteditable=""]',
  '.cm-editor',
  '[role="slider"]',
  '[role="listbox"]',
  '[role="menu"]',
  '[role="combobox"]',
  'dialog[open]',
].join(',');

/** What a press of Enter or Space activates. */
const PRESSABLE = [
  'button',
  'summary',
  'a[href]',
  'input[type="checkbox"]',
  'input[type="radio"]',
  'input[type="button"]',
  'input[type="submit"]',
  'input[type="reset"]',
  '[role="button"]',
  '[role="tab"]',
].join(',');

/** Whether the focused element keeps every key to itself (a field, a menu, a slider…). */
export function ownsEveryKey(target: Element): boolean {
  return target.closest(OWNS_EVERY_KEY) !== null;
}

/**
 * Whether the app's step keys may act on this key press: not when a control handled it first
 * or holds it (see the rules above), not with Ctrl, Meta or Alt held.
 */
export function appOwnsKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as Element | null;
  if (!target || target === document.body || target === document.documentElement) return true;
  if (ownsEveryKey(target)) return false;
  // The graph and the memory view take the keys they use (walking) by preventDefault.
  if (target.closest('[data-app-keys]') !== null) return true;
  if (target.matches(PRESSABLE)) return event.key !== ' ' && event.key !== 'Enter';
  return true;
}
