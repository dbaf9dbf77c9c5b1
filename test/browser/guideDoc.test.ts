/**
 * The guide on screen (issue 17): the guide view opens from the header and from a mention of
 * "the guide" in the tour's and Before vs after's text, shows the guide's headings and its three
 * notes with measured numbers, each note's link lands on its panel, Esc closes it and gives the
 * focus back, it works by keyboard alone, and axe finds nothing serious with it open.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { compareBackwards, createGuideLoop, guideLoopStep } from '../../src/core';
import { GUIDE_BUG_PROGRAM } from '../../src/ui/compare/GuideBackwardPanel';
import { CHAPTERS } from '../../src/ui/tour/chapters';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const guideOpen = (page: Page) =>
  page.getByTestId('guide-doc').evaluate((d: HTMLDialogElement) => d.open);
/** The focused element's data-testid (or its tag), for messages that say where focus is. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? null;
  });

/** Serious and critical axe violations on the page now, as short lines. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    type Found = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Found[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`);
}

describe('the guide view', () => {
  it('opens from the header: the guide’s headings, three notes with measured numbers; Esc gives focus back', async () => {
    const page = await open();
    expect(await guideOpen(page)).toBe(false);
    await page.getByTestId('guide-doc-open').click();
    expect(await guideOpen(page)).toBe(true);
    const doc = page.getByTestId('guide-doc');
    expect(await doc.getByRole('heading', { level: 2 }).textContent()).toContain(
      'Arena Migration Guide',
    );
    const headings = await doc.getByRole('heading', { level: 3 }).allTextContents();
    for (const h of ['Why', 'The Pattern: Two Arenas', 'Step 2: Update Value.cpp', 'Summary'])
      expect(headings).toContain(h);
    const notes = doc.getByTestId('guide-callout');
    expect(
      await notes.evaluateAll((els) => els.map((e) => e.getAttribute('data-callout'))),
    ).toEqual(['backward', 'loop', 'cleanup']);
    // Each note stands beside what it is about: its signed lines and row.
    expect(await doc.locator('[data-mark="①"]').allTextContents()).toEqual([
      expect.stringContaining('zero_gradients(v->prev[i]);'),
      expect.stringContaining('backward_internal(v->prev[i]);'),
    ]);
    expect(await doc.locator('[data-mark="②"]').last().textContent()).toContain(
      '// neuron._weights[i]->value -= lr',
    );
    expect(await doc.locator('.guide-row-marked').textContent()).toContain('automatic cleanup');
    // The numbers are the engine's, run now.
    const bug = compareBackwards(GUIDE_BUG_PROGRAM, 0);
    expect(Number(await doc.getByTestId('guide-doc-wrong').textContent())).toBe(bug.guideGrad);
    expect(bug.guideGrad).not.toBe(bug.tape);
    const trainer = createGuideLoop();
    let loss = 0;
    for (let k = 0; k < 20; k++) loss = guideLoopStep(trainer, false);
    expect(await doc.getByTestId('guide-doc-stuck').textContent()).toBe(loss.toPrecision(6));
    // Focus went in: to the scrolling text, a named Tab stop.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'the guide’s text',
    );
    const smallest = await doc.evaluate((root) => {
      let min = Infinity;
      for (const el of root.querySelectorAll('p, li, td, th, h4, .guide-code'))
        if (el.getClientRects().length > 0)
          min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(16);
    await screenshot(page, 'guide-doc-open');
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await guideOpen(page)).toBe(false);
    expect(await focused(page)).toBe('guide-doc-open');
  });

  it('works by keyboard alone: scrolls with the keys (the app’s keys stay out), jumps to a note', async () => {
    const page = await open();
    await page.getByTestId('guide-doc-open').focus();
    await page.keyboard.press('Enter');
    expect(await guideOpen(page)).toBe(true);
    const body = page.locator('.guide-doc-body');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.getByTestId('guide-jump-loop').focus();
    await page.keyboard.press('ArrowDown'); // on a button the app's ↓ would step: not behind a modal
    expect(await page.getByTestId('phase').textContent()).toBe('ready');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('guide-note-loop');
    await page.keyboard.press('Tab'); // into the note: its first link
    expect(await focused(page)).toBe('guide-go-loop');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).not.toBe('guide-go-loop');
    expect(await guideOpen(page)).toBe(false);
    expect(await page.getByTestId('scenario').inputValue()).toBe('compare');
  });

  it('opens from a mention of “the guide” in the tour and in Before vs after', async () => {
    const chapter = CHAPTERS.findIndex((c) => /the guide/i.test(c.text));
    expect(chapter).toBeGreaterThanOrEqual(0);
    const page = await open(`?chapter=${chapter + 1}`);
    const mention = page.getByTestId('tour-panel').getByTestId('guide-mention');
    await mention.focus();
    await page.keyboard.press('Enter');
    expect(await guideOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await guideOpen(page)).toBe(false);
    expect(await focused(page)).toBe('guide-mention');
    expect(await page.getByTestId('tour-panel').isVisible()).toBe(true); // Esc closed the guide only

    await page.getByTestId('scenario').selectOption('compare');
    const inCompare = page.getByTestId('compare-panel').getByTestId('guide-mention');
    expect(await inCompare.count()).toBeGreaterThan(0);
    await inCompare.first().click();
    expect(await guideOpen(page)).toBe(true);
    await screenshot(page, 'guide-doc-from-compare');
  });

  const LANDINGS = [
    { link: 'guide-go-backward', inside: '[data-testid="guide-program"]' },
    { link: 'guide-go-loop', inside: '[data-testid="guide-update"]' },
    { link: 'guide-go-cleanup', inside: '[data-testid="layouts"]' },
    { link: 'guide-go-reasons', inside: '#reasons-h' },
  ];
  for (const { link, inside } of LANDINGS) {
    it(`${link} lands on its panel in Before vs after, focused and in view`, async () => {
      const page = await open();
      await page.getByTestId('guide-doc-open').click();
      await page.getByTestId(link).click();
      expect(await guideOpen(page)).toBe(false);
      expect(await page.getByTestId('scenario').inputValue()).toBe('compare');
      await expect
        .poll(() =>
          page.evaluate((sel) => {
            const active = document.activeElement;
            return active?.tagName === 'SECTION' && active.querySelector(sel) !== null;
          }, inside),
        )
        .toBe(true);
      // In view: its top (the heading) on screen; the last section scrolls only so far up.
      const top = await page.evaluate(() => document.activeElement!.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(800 - 100);
      if (link === 'guide-go-backward') await screenshot(page, 'guide-doc-landed-backward');
    });
  }

  it('a fix link puts the guide’s example at the phase that shows the fix', async () => {
    const page = await open('?scenario=compare');
    await page.getByTestId('guide-doc-open').click();
    await page.getByTestId('guide-go-backward-fix').click();
    await expect.poll(() => page.getByTestId('scenario').inputValue()).toBe('guide');
    expect(await page.getByTestId('phase').textContent()).toBe('backward');
    await expect.poll(() => focused(page)).toBe('graph-view');
    // The sweep has run (one pass down the tape): its caption says so, whatever its words.
    expect(await page.getByTestId('caption').textContent()).toMatch(/sweep/i);
  });
});
