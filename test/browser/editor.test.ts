/**
 * The playground's program editor (CodeMirror): a parse error is a diagnostic at its line and
 * column as well as the box below; fixing the text clears it; the editor owns the keys typed
 * into it (no app shortcut fires) and does not trap Tab.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExpressionError, KB, Memory, evaluateProgram, parseProgram } from '../../src/core';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();

const nodes = (page: Page) => page.locator('[data-testid="graph-view"] [data-testid="graph-node"]');
const editor = (page: Page) => page.getByTestId('expression');

/** The editor's document, line by line as CodeMirror draws it. */
const editorText = (page: Page) =>
  editor(page)
    .locator('.cm-line')
    .allTextContents()
    .then((lines) => lines.join('\n'));

/** The number of records `program` draws (its tape). */
function recordsOf(program: string): number {
  const scratch = new Memory().addArena('scratch', KB(64));
  evaluateProgram(scratch, program);
  return scratch.tapeLength;
}

/** The error the parser gives `source`. */
function errorOf(source: string): ExpressionError {
  try {
    parseProgram(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`${source} parses`);
}

/** Where the error underline sits: its line (1-based), column (1-based) and text. */
const underlined = (page: Page) =>
  page.evaluate(() => {
    const mark = document.querySelector('[data-testid="expression"] .cm-lintRange-error');
    if (!mark) return null;
    const line = mark.closest('.cm-line')!;
    const lines = [...document.querySelectorAll('[data-testid="expression"] .cm-line')];
    const before = document.createRange();
    before.setStart(line, 0);
    before.setEndBefore(mark);
    return {
      line: lines.indexOf(line) + 1,
      column: before.toString().length + 1,
      text: mark.textContent,
    };
  });

/** What the app's keys would change: phase, event, step, play, presenter, code pane, key list. */
const appScreen = (page: Page) =>
  page.evaluate(() => ({
    phase: document.querySelector('[data-testid="phase"]')?.textContent,
    event: (document.querySelector('[data-testid="event-slider"]') as HTMLInputElement)?.value,
    step: document.querySelector('[data-testid="stat-step"]')?.textContent,
    presenter: document.querySelector('.app.presenter') !== null,
    play: document.querySelector('[data-testid="play"]')?.textContent,
    code: document.querySelector('[data-testid="code-pane"]') !== null,
    keys: document.querySelector('dialog[open]') !== null,
  }));

const inEditor = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('.cm-editor') != null);

describe('the playground editor', () => {
  it('a parse error is a diagnostic at its line and column; fixing the text clears it', async () => {
    const page = await open('?scenario=playground');
    const good = 'a = 2\nb = -3\nc = a*b + a\nd = tanh(c)';
    await editor(page).fill(good);
    await expect.poll(() => nodes(page).count()).toBe(recordsOf(good));
    expect(await editorText(page)).toBe(good);

    // Type the mistake key by key at the end of line 3: "c = a*b + a * )".
    await editor(page).locator('.cm-line').nth(2).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' * )');
    const malformed = 'a = 2\nb = -3\nc = a*b + a * )\nd = tanh(c)';
    expect(await editorText(page)).toBe(malformed);
    const expected = errorOf(malformed);
    const box = page.getByTestId('expression-error');
    await box.waitFor();
    expect(await box.getAttribute('data-line')).toBe(String(expected.line));
    expect(await box.getAttribute('data-column')).toBe(String(expected.column));
    expect(await box.textContent()).toContain(`line ${expected.line}, column ${expected.column}`);
    expect(await box.textContent()).toContain(expected.reason);
    await expect.poll(() => underlined(page)).toEqual({ line: 3, column: 15, text: ')' });
    expect([expected.line, expected.column]).toEqual([3, 15]);
    const content = editor(page);
    expect(await content.getAttribute('aria-invalid')).toBe('true');
    expect(await content.getAttribute('aria-describedby')).toBe(await box.getAttribute('id'));
    expect(await page.locator('.cm-lint-marker-error').count()).toBe(1); // the gutter's marker
    expect(await nodes(page).count()).toBe(recordsOf(good)); // the last good program stays
    // Hovering the underline shows the message as a tooltip.
    await page.locator('.cm-lintRange-error').hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(expected.reason);
    await screenshot(page, 'editor-error');

    // Fix it: delete the mistake.
    await editor(page).locator('.cm-line').nth(2).click();
    await page.keyboard.press('End');
    for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
    expect(await editorText(page)).toBe(good);
    await box.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.cm-lintRange-error').count()).toBe(0);
    expect(await page.locator('.cm-lint-marker-error').count()).toBe(0);
    expect(await content.getAttribute('aria-invalid')).toBe('false');

    // A mistake at the end of a line is a point there, and the graph follows a fixed program.
    const fixed = 'a = 2\nb = a*a\nc = b + a';
    await editor(page).fill('a = 2\nb = a *\nc = b');
    await expect.poll(() => box.getAttribute('data-line')).toBe('2');
    expect(await page.locator('[data-testid="expression"] .cm-lintPoint-error').count()).toBe(1);
    await editor(page).fill(fixed);
    await expect.poll(() => nodes(page).count()).toBe(recordsOf(fixed));
    expect(await page.locator('[data-testid="expression"] .cm-lintPoint').count()).toBe(0);
  });

  it('typing in the editor fires no app key; Tab leaves it (after Escape too)', async () => {
    const page = await open('?scenario=playground');
    // Into a step (the page has focus): the app's keys move it.
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight'])
      await page.keyboard.press(key);
    const before = await appScreen(page);
    expect(Number(before.event)).toBeGreaterThan(0);
    expect(before.presenter).toBe(false);

    // Keys that leave the text alone (so no rebuild): the step stays where it is.
    await editor(page).locator('.cm-line').first().click();
    await page.keyboard.press('Control+Home');
    for (const key of ['Backspace', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowLeft'])
      await page.keyboard.press(key);
    expect(await inEditor(page)).toBe(true);
    expect(await appScreen(page)).toEqual(before);

    // The app's letters, Space and Enter typed as text (a comment keeps the program valid).
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('# p P c C r R ?');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.keyboard.type('e = out * 2');
    expect(await inEditor(page)).toBe(true);
    expect(await editorText(page)).toMatch(/\n# p P c C r R \? \ne = out \* 2$/);
    await page.waitForTimeout(600); // the program rebuilds once typing pauses
    // The new program was built (its step starts anew); nothing else the keys do happened.
    const { presenter, play, code, keys } = await appScreen(page);
    expect({ presenter, play, code, keys }).toEqual({
      presenter: false,
      play: before.play,
      code: before.code,
      keys: false,
    });
    expect(await page.getByTestId('expression-error').count()).toBe(0);
    await expect
      .poll(async () => (await nodes(page).locator('.t1').allTextContents()).join(' '))
      .toMatch(/\be\b/);

    // Undo is the editor's (Ctrl+Z, Ctrl+Y), not the app's.
    await page.keyboard.press('Control+z');
    expect(await editorText(page)).not.toContain('e = out * 2');
    await page.keyboard.press('Control+y');
    expect(await editorText(page)).toContain('e = out * 2');

    // Tab moves on (no indent); Shift+Tab comes back; Escape then Tab moves on too.
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(false);
    expect(await editorText(page)).not.toContain('\t');
    await page.keyboard.press('Shift+Tab');
    expect(await inEditor(page)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(false);
    // Out of the editor, the app's keys work again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    expect((await appScreen(page)).presenter).toBe(true);
    await page.keyboard.press('p');
  });

  it('a link’s program is the editor’s text, labelled for assistive technology', async () => {
    const program = 'u = 3\nv = relu(u) * u';
    const page = await open(`?scenario=playground&program=${encodeURIComponent(program)}`);
    expect(await editorText(page)).toBe(program);
    await expect.poll(() => nodes(page).count()).toBe(recordsOf(program));
    const content = editor(page);
    expect(await content.getAttribute('role')).toBe('textbox');
    const label = await content.getAttribute('aria-labelledby');
    expect(await page.locator(`#${label}`).textContent()).toContain('Program');
    await page.locator(`#${label}`).click(); // as a label does, it focuses the editor
    expect(await inEditor(page)).toBe(true);
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1600, height: 1000 },
    ]) {
      await page.setViewportSize(size);
      const smallest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('.editor *')]
            .filter((el) => el.getClientRects().length > 0 && el.textContent?.trim())
            .map((el) => parseFloat(getComputedStyle(el).fontSize)),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual(12);
      await screenshot(page, `editor-${size.width}`);
    }
  });
});
