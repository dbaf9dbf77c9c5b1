/**
 * The guided tour: every chapter's action changes the screen as its text says (one fact each),
 * forward and back; a link opens at a chapter.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();
const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
const chapter = async (page: Page) =>
  Number(await page.getByTestId('tour-panel').getAttribute('data-chapter'));
const liveScratch = (page: Page) =>
  page.locator('[data-testid="graph-node"][data-arena="scratch"][data-state="live"]').count();
const scratchUsed = async (page: Page) =>
  Number((await text(page, 'stat-scratch')).split(' ')[0].replace(/,/g, ''));

/** One fact per chapter, checked after its action ran. */
const FACTS: ((page: Page) => Promise<void>)[] = [
  async (page) => {
    expect(await scratchUsed(page)).toBeGreaterThan(0); // intermediates went to scratch
    expect(await text(page, 'stat-model')).toMatch(/^144 B/); // the weights stayed
  },
  async (page) => expect(await liveScratch(page)).toBe(1), // one record pushed
  async (page) => {
    const decoded = Number(await page.getByTestId('memory-record').getAttribute('data-address'));
    const node = page.locator(`[data-testid="graph-node"][data-address="${decoded}"] text.t1`);
    expect(await node.textContent()).toContain('×');
  },
  async (page) => {
    expect(await text(page, 'phase')).toBe('forward');
    expect(await liveScratch(page)).toBeGreaterThanOrEqual(10); // inputs, products, sums, relu
  },
  async (page) => expect(await text(page, 'phase')).toBe('backward'),
  async (page) => {
    expect(await text(page, 'phase')).toBe('update');
    const weights = await page.locator('[data-arena="model"] .t2').allTextContents();
    expect(weights.every((w) => w.includes('→'))).toBe(true); // old → new
  },
  async (page) => {
    expect(await scratchUsed(page)).toBe(0); // one store freed the step
    expect(await text(page, 'stat-model')).toMatch(/^144 B/); // the model persists
  },
  async (page) => {
    expect(await page.getByTestId('scenario').inputValue()).toBe('compare');
    // The numbers: both engines measured live in the page.
    const median = async () =>
      Number((await text(page, 'compare-arena')).match(/\d[\d,.]*/)?.[0].replace(/,/g, ''));
    await expect.poll(median, { timeout: 30_000 }).toBeGreaterThan(0);
  },
  async (page) => {
    expect(await page.getByTestId('scenario').inputValue()).toBe('mlp');
    await expect.poll(() => text(page, 'steps-per-second'), { timeout: 10_000 }).toMatch(/\d/);
  },
];

describe('guided tour', () => {
  it('walks all chapters forward, each action showing its fact, then back', async () => {
    const page = await open();
    await page.getByTestId('tour').click();
    for (let k = 0; k < FACTS.length; k++) {
      expect(await chapter(page)).toBe(k + 1);
      await page.getByTestId('tour-next').click(); // the action
      await FACTS[k](page);
      await screenshot(page, `tour-${k + 1}`);
      if (k < FACTS.length - 1) await page.getByTestId('tour-next').click(); // next chapter
    }
    for (let k = FACTS.length; k > 1; k--) {
      await page.getByTestId('tour-prev').click();
      expect(await chapter(page)).toBe(k - 1);
    }
    expect(await page.getByTestId('scenario').inputValue()).toBe('guide');
    // Leaving the tour (Esc, wherever the focus is) leaves the app where it stood.
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('tour-panel').count()).toBe(0);
    expect(await text(page, 'phase')).toBe('ready');
  });

  it('chapter=5 in the link opens chapter 5; Space runs its action', async () => {
    const page = await open('?chapter=5');
    expect(await chapter(page)).toBe(5);
    expect(await text(page, 'phase')).toBe('loss');
    await page.keyboard.press('Space');
    expect(await text(page, 'phase')).toBe('backward');
  });
});
