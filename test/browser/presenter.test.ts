/**
 * Presenter mode on a classroom projector (1280×800): no text under 16 px in any scenario, the
 * scenario picker and Tour still there, and no panel covering what its text is about (the
 * chain-rule box never on a node, the tour panel never on its chapter's subject). Also: the
 * record panel never breaks a number mid-digit.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPages } from './harness';
import { smallTexts } from './textSizes';

const { open } = useAppPages();

type Rect = { x: number; y: number; width: number; height: number };
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The area of the chain-rule box that covers graph nodes (0 when it covers none). */
function chainOverNodes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const chain = document.querySelector('[data-testid="chain-rule"]')!.getBoundingClientRect();
    let covered = 0;
    for (const node of document.querySelectorAll('[data-testid="graph-node"]')) {
      const r = node.getBoundingClientRect();
      const w = Math.min(chain.right, r.right) - Math.max(chain.left, r.left);
      const h = Math.min(chain.bottom, r.bottom) - Math.max(chain.top, r.top);
      if (w > 0 && h > 0) covered += w * h;
    }
    return covered;
  });
}

describe('presenter mode at 1280×800', () => {
  for (const scenario of ['guide', 'playground', 'mlp', 'compare']) {
    it(`${scenario}: no text under 16 px; Tour and the scenario picker stay`, async () => {
      const page = await open(`?scenario=${scenario}`);
      await page.keyboard.press('p'); // (presenter=1 in the link does the same)
      await page.waitForTimeout(500);
      expect(await smallTexts(page, 16)).toEqual([]);
      expect(await page.getByTestId('tour').isVisible()).toBe(true);
      expect(await page.getByTestId('scenario').isVisible()).toBe(true);
      // Mid-step too: a phase, some nodes of backward.
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight'])
        await page.keyboard.press(key);
      await page.waitForTimeout(400);
      expect(await smallTexts(page, 16)).toEqual([]);
      await screenshot(page, `presenter-${scenario}`);
    });
  }

  /** The memory canvas's labels as last drawn: the smallest font size and how many. */
  const canvasLabels = (page: Page) =>
    page.getByTestId('memory-view').evaluate((el) => ({
      smallest: Number((el as HTMLElement).dataset.smallestTextPx || NaN),
      labels: Number((el as HTMLElement).dataset.labels),
    }));

  for (const scenario of ['guide', 'playground', 'mlp', 'compare']) {
    it(`${scenario}: the memory canvas draws no label under 16 px, at any zoom`, async () => {
      const page = await open(`?scenario=${scenario}`);
      await page.getByTestId('step').click();
      await page.waitForTimeout(300);
      const normal = await canvasLabels(page);
      expect(normal.smallest).toBe(12); // the normal look: 12 px addresses
      await page.keyboard.press('p');
      if (scenario === 'compare') {
        // Before vs after takes the whole width in presenter mode: the memory is hidden.
        await expect.poll(async () => (await canvasLabels(page)).labels).toBe(0);
        expect(await page.getByTestId('memory-view').isVisible()).toBe(false);
        for (const width of [1280, 1600]) {
          await page.setViewportSize({ width, height: (width * 10) / 16 });
          await page.waitForTimeout(300);
          await screenshot(page, `presenter-memory-${scenario}-${width}`);
        }
        return;
      }
      await expect.poll(async () => (await canvasLabels(page)).smallest).toBeGreaterThanOrEqual(16);
      for (const size of [
        { width: 1280, height: 800 },
        { width: 1600, height: 1000 },
      ]) {
        await page.setViewportSize(size);
        await page.getByTestId('memory-zoom-fit').click();
        let zooms = 0;
        for (let last = ''; zooms < 20; zooms++) {
          await page.waitForTimeout(100);
          const drawn = await canvasLabels(page);
          expect(drawn.smallest, `${size.width}, zoom ${zooms}`).toBeGreaterThanOrEqual(16);
          const zoom = await page.getByTestId('memory-zoom').textContent();
          if (zoom === last) break;
          last = zoom ?? '';
          await page.getByTestId('memory-zoom-in').click();
        }
        expect(zooms).toBeGreaterThan(2);
        await screenshot(page, `presenter-memory-${scenario}-${size.width}-deepest`);
        // The deepest zoom shows the bytes themselves: many labels, all of them 16 px or more.
        expect((await canvasLabels(page)).labels).toBeGreaterThan(20);
        await page.getByTestId('memory-zoom-fit').click();
        await page.waitForTimeout(200);
        await screenshot(page, `presenter-memory-${scenario}-${size.width}`);
      }
    });
  }

  it('Start here (a first visit by a presenter link): no text under 16 px', async () => {
    const page = await open('?start=1&presenter=1', { firstVisit: true });
    await expect.poll(() => page.getByTestId('start-here').isVisible()).toBe(true);
    expect(await smallTexts(page, 16)).toEqual([]);
  });

  it('the tour’s questions: no text under 16 px, asked, answered, or refused', async () => {
    const page = await open('?presenter=1&chapter=8'); // asked before its action
    await page.getByTestId('tour-question').waitFor();
    expect(await smallTexts(page, 16)).toEqual([]);
    await page.keyboard.press('1');
    await page.getByTestId('tour-verdict').waitFor();
    expect(await smallTexts(page, 16)).toEqual([]);
    await screenshot(page, 'presenter-tour-question-8');
    const typed = await open('?presenter=1&chapter=2'); // a field, after its action
    await typed.keyboard.press('Space');
    await typed.getByTestId('tour-answer').fill('0x1g');
    await typed.getByTestId('tour-answer').press('Enter');
    await typed.getByTestId('tour-answer-error').waitFor();
    expect(await smallTexts(typed, 16)).toEqual([]);
    await screenshot(typed, 'presenter-tour-question-2');
  });

  it('the chain-rule box covers no node, through a whole step and after the reset', async () => {
    const page = await open('?presenter=1');
    const keys = ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown'];
    for (let k = 0; k < 14; k++) keys.push('ArrowRight');
    keys.push('ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter');
    for (const key of keys) {
      await page.keyboard.press(key);
      await page.waitForTimeout(120);
      await expect.poll(() => chainOverNodes(page), { timeout: 2000 }).toBe(0);
    }
    await screenshot(page, 'presenter-chain-after-step');
  });
});

describe('panels never cover what they explain', () => {
  it('the tour panel clears the decoded record (chapter 3) and the time strip (chapter 8)', async () => {
    for (const [chapter, subject] of [
      [3, 'memory-record'],
      [8, 'compare-strip'],
    ] as const) {
      const page = await open(`?chapter=${chapter}`);
      await page.keyboard.press('Space'); // the chapter's action
      const target = page.getByTestId(subject).first();
      await target.waitFor();
      await page.waitForTimeout(600); // the panel docks after the action is painted
      const covered = async () =>
        overlap(
          (await page.getByTestId('tour-panel').boundingBox())!,
          (await target.boundingBox())!,
        );
      await expect.poll(covered, { timeout: 2000, message: `chapter ${chapter}` }).toBe(0);
      // The subject may move later (Before vs after fills in above its strip): the panel follows.
      await page.waitForTimeout(4000);
      await expect.poll(covered, { timeout: 2000 }).toBe(0);
      await screenshot(page, `tour-dock-${chapter}`);
    }
  });

  it('the record panel keeps each decoded number on one line (1280 wide, MLP)', async () => {
    const page = await open('?scenario=mlp');
    await page.getByTestId('step').click();
    await page.getByTestId('graph-node').nth(5).click();
    const cell = page.getByTestId('field-gradient');
    await cell.waitFor();
    // The number's text lies on one line box (the row may be taller: its raw bytes wrap).
    const lines = await cell.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
  });
});
