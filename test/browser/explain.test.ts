/**
 * Words for beginners, presenter mode and embed mode (issue: tour, words, presenter, embed).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GLOSSARY } from '../../src/ui/glossary/glossary';
import { reportMeasurement, screenshot, useAppPages } from './harness';

const { open } = useAppPages();

/** The smallest rendered font size of the visible text inside `selector`. */
const smallestText = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    let min = Infinity;
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.textContent?.trim() || el.closest('[role="tooltip"]')) continue;
        if (el.getClientRects().length === 0) continue; // not rendered
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
    }
    return min;
  }, selector);

describe('words, presenter, embed', () => {
  it('every term in the captions and panels has its definition on keyboard focus', async () => {
    const page = await open();
    await page.getByTestId('step-phase').click(); // mark: the caption names the checkpoint
    const terms = page.locator('[data-term]');
    const count = await terms.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      const term = terms.nth(i);
      const name = (await term.getAttribute('data-term'))!;
      await term.focus();
      const tip = page.locator(
        `#${await term.getAttribute('aria-describedby')}`.replace(/:/g, '\\:'),
      );
      expect(await tip.isVisible()).toBe(true);
      const definition = GLOSSARY.find((g) => g.term === name)!.definition;
      expect(await tip.textContent()).toContain(definition);
    }
    await screenshot(page, 'glossary-focus');
  });

  it('presenter mode (P): captions and panels at 16 px or more; keys on screen', async () => {
    const page = await open();
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowDown'); // mark
    expect(await page.getByTestId('presenter-leave').isVisible()).toBe(true);
    expect(
      await smallestText(page, '.caption-row, .presenter-keys, .chain-rule'),
    ).toBeGreaterThanOrEqual(16);
    expect(await page.locator('.presenter-keys').textContent()).toMatch(/↓\s*phase/);
    // The graph's labels too, at fit: the rows of controls give the graph their height.
    await page.waitForTimeout(300); // the graph refits to its new size
    const graphText = await page.evaluate(() => {
      let min = Infinity;
      for (const t of document.querySelectorAll<SVGTextElement>(
        '[data-testid="graph-node"] text',
      )) {
        if (t.textContent)
          min = Math.min(
            min,
            parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1),
          );
      }
      return min;
    });
    reportMeasurement(`presenter mode, smallest graph text at fit: ${graphText.toFixed(1)} px`);
    expect(graphText).toBeGreaterThanOrEqual(16);
    expect(await page.locator('.share-bar').isVisible()).toBe(false);
    await screenshot(page, 'presenter');
    await page.getByTestId('presenter-leave').click();
    expect(await page.locator('.share-bar').isVisible()).toBe(true);
  });

  it('an embed link hides the chrome and shows the chosen view', async () => {
    const page = await open('?embed=1&memory_hide=1&stats_hide=1');
    expect(await page.getByTestId('scenario').isVisible()).toBe(false);
    expect(await page.getByTestId('step').isVisible()).toBe(false);
    expect(await page.getByTestId('memory-view').isVisible()).toBe(false);
    expect(await page.getByTestId('graph-view').isVisible()).toBe(true);
    expect(await page.getByTestId('caption').isVisible()).toBe(true);
    // Its keys still drive it: a phase step.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('phase').textContent()).toBe('mark');
    await screenshot(page, 'embed-graph');
  });
});
