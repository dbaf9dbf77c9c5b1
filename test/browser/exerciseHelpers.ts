/**
 * Keyboard helpers for test/browser/exercises.test.ts: Tab to a control, choose an exercise from
 * the list, type a program into the editor, check it and read the verdicts; and two page probes
 * (axe-core's serious violations, texts under a size), as a11y.test.ts and presenter.test.ts run
 * them.
 */
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { EXERCISES } from '../../src/core/exercises';

export const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses `key` (Tab or Shift+Tab) until the element with `testid` (or inside it) has focus. */
export async function tabTo(page: Page, testid: string, key = 'Tab'): Promise<void> {
  for (let k = 0; k < 80; k++) {
    await page.keyboard.press(key);
    const inside = await page.evaluate(
      (id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null,
      testid,
    );
    if (inside) return;
  }
  throw new Error(`${key} never reached ${testid}`);
}

/** Opens the list from the keyboard, moves to exercise `id` with ↓ and chooses it with Enter. */
export async function choose(page: Page, id: string): Promise<void> {
  await tabTo(page, 'exercises');
  await page.keyboard.press('Enter');
  await page.getByTestId('exercise-list').waitFor();
  await page.keyboard.press('Home');
  for (let k = 0; k < EXERCISES.findIndex((e) => e.id === id); k++)
    await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-exercise'))).toBe(id);
  await page.keyboard.press('Enter');
  await page.getByTestId('exercise-list').waitFor({ state: 'hidden' });
  expect(await page.getByTestId('exercise-card').getAttribute('data-exercise')).toBe(id);
  expect(await focusedTestId(page)).toBe('exercise-load'); // the keyboard goes on from here
}

/** The editor's text, line by line as CodeMirror draws it. */
export const editorText = (page: Page) =>
  page
    .getByTestId('expression')
    .locator('.cm-line')
    .allTextContents()
    .then((lines) => lines.join('\n'));

/** Back into the editor (Shift+Tab), replaces its text by typing `program`, then to Check. */
export async function typeProgram(page: Page, program: string): Promise<void> {
  await tabTo(page, 'expression', 'Shift+Tab');
  await page.keyboard.press('Control+a');
  // Delete first: typing over a whole-document selection leaves an empty last line in
  // headless Chromium (CodeMirror reading the DOM edit), which is not what is being tested.
  await page.keyboard.press('Backspace');
  await page.keyboard.type(program);
  expect(await editorText(page)).toBe(program);
  await tabTo(page, 'exercise-check');
}

/** The verdicts on screen: label, right, text. */
export const verdicts = (page: Page) =>
  page.getByTestId('exercise-verdict').evaluateAll((items) =>
    items.map((li) => ({
      label: li.getAttribute('data-label')!,
      right: li.getAttribute('data-right') === 'true',
      text: li.textContent ?? '',
    })),
  );

/** Checks (Enter on the focused Check button) and returns the verdicts. */
export async function check(page: Page) {
  expect(await focusedTestId(page)).toBe('exercise-check');
  await page.keyboard.press('Enter');
  await page.getByTestId('exercise-verdict').first().waitFor();
  return verdicts(page);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe-core violations on the page now (as a11y.test.ts runs it). */
export async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`);
}

export { smallTexts } from './textSizes';
