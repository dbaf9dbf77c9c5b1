/**
 * Every hand: the keyboard alone. A focused control owns its keys (Enter and Space press it,
 * and take no step); Tab reaches the graph as one stop, arrows move along its edges, Enter
 * decodes the focused record; the memory view moves a cursor over records; popovers close on
 * Escape; `?` lists the keys. And a steady layout: the memory grid keeps its row width through
 * a step, and graph text is legible at 1280×800.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reportMeasurement, screenshot, useAppPages } from './harness';

const { open } = useAppPages();
const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses Tab until the element with `testid` (or inside it) has focus; fails after 60. */
async function tabTo(page: Page, testid: string): Promise<void> {
  for (let k = 0; k < 60; k++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      (id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null,
      testid,
    );
    if (inside) return;
  }
  throw new Error(`Tab never reached ${testid}`);
}

describe('keyboard', () => {
  it('Enter on a focused Copy link copies and takes no step; Space on a focused button presses it', async () => {
    const page = await open();
    await page.getByTestId('copy-link').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('copy-link').getAttribute('data-link')).toBeTruthy();
    expect(await text(page, 'stat-step')).toBe('0');
    expect(await text(page, 'phase')).toBe('ready');
    await page.getByTestId('step-node').focus();
    await page.keyboard.press('Space'); // presses "Node ›": mark
    expect(await text(page, 'phase')).toBe('mark');
    expect(await text(page, 'play')).toContain('Play'); // not playing
    // With focus back on the page, the app's keys act again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowDown');
    expect(await text(page, 'phase')).toBe('forward');
  });

  it('Tab reaches the graph as one stop; Enter walks it: arrows move along edges, Enter decodes the record', async () => {
    const page = await open();
    await tabTo(page, 'graph-view');
    const focusedAddress = () =>
      page.evaluate(() => Number(document.activeElement?.getAttribute('data-address')));
    const start = await focusedAddress(); // the output (the loss) has the stop
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    // Before the first step the loss is not in memory: its name says so, as its box does.
    expect(name).toMatch(/^× loss not in memory: .*the record is not in memory, scratch arena/);
    await page.keyboard.press('Enter'); // walk the graph (and decode the loss)
    await page.keyboard.press('ArrowUp'); // to a parent
    const parent = await focusedAddress();
    expect(parent).not.toBe(start);
    await page.keyboard.press('Enter');
    expect(Number(await page.getByTestId('memory-record').getAttribute('data-address'))).toBe(
      parent,
    );
    expect(await text(page, 'phase')).toBe('ready'); // Enter decoded; it took no step
    await page.keyboard.press('ArrowDown'); // back to a child
    expect(await focusedAddress()).toBe(start);
    // Tab leaves the graph in one press: it is a single stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('svg') === null)).toBe(true);
    await screenshot(page, 'keyboard-graph');
  });

  it('the memory view moves a cursor over records by arrows, Enter decodes', async () => {
    const page = await open();
    await page.getByTestId('step').click(); // a step: records in both regions
    await page.getByTestId('memory-view').focus();
    await page.keyboard.press('Enter'); // walk the records
    await page.keyboard.press('ArrowRight'); // the first target
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const first = Number(await page.getByTestId('memory-record').getAttribute('data-address'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const next = Number(await page.getByTestId('memory-record').getAttribute('data-address'));
    expect(next).toBeGreaterThan(first);
    expect(await text(page, 'stat-step')).toBe('1'); // arrows and Enter took no step
  });

  it('Escape closes the arenas popover and gives focus back; ? lists the keys', async () => {
    const page = await open();
    await page.getByTestId('memory-settings-toggle').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('scratch-bytes').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('memory-settings').count()).toBe(0);
    expect(await focusedTestId(page)).toBe('memory-settings-toggle');
    await page.keyboard.press('?');
    await expect.poll(() => page.getByTestId('keys-dialog').isVisible()).toBe(true);
    expect(await text(page, 'keys-dialog')).toContain('one whole training step');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('keys-dialog').isVisible()).toBe(false);
  });

  it('keeps the memory row width through a step', async () => {
    const page = await open();
    const before = await text(page, 'memory-zoom');
    await page.getByTestId('step-phase').click(); // mark
    await page.getByTestId('step-phase').click(); // forward
    await page.getByTestId('step-node').click();
    expect(await text(page, 'memory-zoom')).toBe(before);
    await page.getByTestId('step').click(); // to the end of the step
    expect(await text(page, 'memory-zoom')).toBe(before);
  });

  it('graph text is at least 12 px tall at fit in the guide example and the playground (1280×800)', async () => {
    for (const query of ['', '?scenario=playground']) {
      const page = await open(query);
      const smallest = await page.evaluate(() => {
        const texts = document.querySelectorAll<SVGTextElement>(
          '[data-testid="graph-view"] [data-testid="graph-node"] text',
        );
        let min = Infinity;
        for (const t of texts) {
          if (!t.textContent) continue;
          // The font size in svg units times the screen scale of the drawing.
          const size = parseFloat(getComputedStyle(t).fontSize);
          min = Math.min(min, size * (t.getScreenCTM()?.a ?? 1));
        }
        return min;
      });
      reportMeasurement(
        `smallest graph text at fit ${query || '(guide)'}: ${smallest.toFixed(1)} px`,
      );
      expect(smallest).toBeGreaterThanOrEqual(12);
    }
  });
});
