/**
 * The guide's recursion, predicted and walked (issue 18): in Before vs after, dc/da is asked
 * before 8 vs 4 shows; then the walk is stepped by keyboard to its end, the path counter and
 * a.grad checked at every step against the core's walk.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { walkRecursion } from '../../src/core';
import { GUIDE_BUG_PROGRAM } from '../../src/ui/compare/GuideBackwardPanel';
import { screenshot, useAppPages } from './harness';
import { firstNumber, text } from './compareHelpers';
import { smallTexts } from './textSizes';
import { axeViolations, cutOff, PHONE } from './phoneHelpers';

const pages = useAppPages();
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const eventPosition = async (page: Page) =>
  Number(await page.getByTestId('event-slider').inputValue());

/** Presses Tab until the control `testid` has the focus (keyboard only: no click, no focus()). */
async function tabTo(page: Page, testid: string, limit = 300): Promise<void> {
  for (let k = 0; k < limit; k++) {
    if ((await focusedTestId(page)) === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid}`);
}

/** What the walk shows of one step: its counter, the paths to a, a.grad, the lit node. */
async function shown(page: Page) {
  return {
    step: await firstNumber(page, 'walk-counter'),
    reached: (await text(page, 'walk-paths'))
      .match(/(\d+) of (\d+)/)!
      .slice(1)
      .map(Number),
    grad: Number((await text(page, 'walk-leaf-grad')).split('=')[1]),
    lit: await page.locator('.walk-node.lit').getAttribute('data-node'),
  };
}

describe('the guide’s recursion: predicted, then walked', () => {
  const walk = walkRecursion(GUIDE_BUG_PROGRAM);
  const a = 0;

  it('asks dc/da before 8 vs 4 shows; an unreadable answer is refused, 8 is the guide’s', async () => {
    const page = await pages.open('?scenario=compare');
    await page.getByTestId('compare-panel').waitFor();
    // nothing of 8 vs 4 yet
    expect(await page.getByTestId('guide-grad').count()).toBe(0);
    expect(await page.getByTestId('tape-grad').count()).toBe(0);
    expect(await page.getByTestId('walk').count()).toBe(0);
    expect(await text(page, 'guide-predict')).toContain(`for ${GUIDE_BUG_PROGRAM}, what is dc/da`);
    await screenshot(page, 'recursion-asked-1280x800');
    await tabTo(page, 'guide-answer');
    await page.keyboard.type('4,0');
    await page.keyboard.press('Enter');
    expect(await text(page, 'guide-answer-error')).toMatch(/decimal point/);
    expect(await page.getByTestId('guide-grad').count()).toBe(0); // still hidden
    expect(await page.getByTestId('guide-answer').inputValue()).toBe('4,0'); // kept
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    const verdict = await text(page, 'guide-verdict');
    expect(verdict).toMatch(/That is what the guide’s code prints; the true derivative is 4/);
    expect(await page.getByTestId('guide-predict').getAttribute('data-state')).toBe('guide');
    // now 8 vs 4, from the same page run
    expect(await firstNumber(page, 'guide-grad')).toBe(8);
    expect(await firstNumber(page, 'tape-grad')).toBe(4);
  });

  it('a right answer says so; Show me reveals without an answer', async () => {
    const right = await pages.open('?scenario=compare');
    await tabTo(right, 'guide-answer');
    await right.keyboard.type('4');
    await right.keyboard.press('Enter');
    expect(await text(right, 'guide-verdict')).toMatch(/^✓ Right: dc\/da = 4 .*prints 8/);
    // The field is gone: the focus is on the verdict, not dropped to the page.
    expect(
      await right.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
    ).toBe('guide-verdict');
    const shy = await pages.open('?scenario=compare');
    await tabTo(shy, 'guide-reveal');
    await shy.keyboard.press('Enter');
    expect(await text(shy, 'guide-verdict')).toMatch(/^Answer: dc\/da = 4 .*prints 8/);
    expect(await firstNumber(shy, 'guide-grad')).toBe(8);
  });

  it('walks every visit and push by keyboard, each step as the core’s walk has it', async () => {
    const page = await pages.open('?scenario=compare');
    await tabTo(page, 'guide-reveal');
    await page.keyboard.press('Enter');
    await tabTo(page, 'walk-step');
    const appAt = await eventPosition(page);
    expect(walk.steps.length).toBe(14);
    for (let k = 0; k < walk.steps.length; k++) {
      const s = walk.steps[k];
      const on = await shown(page);
      expect(on.step).toBe(k + 1);
      expect(on.reached).toEqual([s.reached[a], walk.nodes[a].paths]);
      expect(on.grad).toBe(s.grads[a]);
      expect(on.lit).toBe(walk.nodes[s.node].name);
      if (s.kind === 'push') {
        const words = await text(page, 'walk-words');
        expect(words).toContain(`Path ${s.pathIndex} of ${s.pathCount} reaches`);
        const edge = `${s.path[s.path.length - 1].from}:${s.path[s.path.length - 1].slot}`;
        expect(await page.locator(`[data-edge="${edge}"]`).getAttribute('data-state')).toBe(
          'pushing',
        );
      }
      if (s.kind === 'push' && s.node === a && s.pathIndex === 3) {
        // path 3 of 4 reaches a: it pushes b's gradient, 2, into a.grad
        expect(await text(page, 'walk-words')).toMatch(
          /^Path 3 of 4 reaches a .*pushes b’s gradient, 2, into a\.grad: 4 → 6/,
        );
        await screenshot(page, 'recursion-walk-path3-1280x800');
        await page.setViewportSize({ width: 1600, height: 1000 });
        await screenshot(page, 'recursion-walk-path3-1600x1000');
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      // → and Enter both step while the walk's control has the focus
      await page.keyboard.press(k % 2 === 0 ? 'ArrowRight' : 'Enter');
    }
    expect(await focusedTestId(page)).toBe('walk-step');
    expect(await eventPosition(page)).toBe(appAt); // the app's step keys did not move
    const end = await shown(page);
    expect(end).toMatchObject({ step: 14, reached: [4, 4], grad: 8 });
    expect(await text(page, 'walk-sum')).toContain('4 × 2 = 8');
    expect(await text(page, 'walk-tape')).toContain('3 visits, a.grad = 4');
    await page.getByTestId('walk-sum').scrollIntoViewIfNeeded();
    await screenshot(page, 'recursion-walk-end-1280x800');
    await page.keyboard.press('ArrowLeft');
    expect((await shown(page)).step).toBe(13);
    expect(await page.getByTestId('walk-sum').count()).toBe(0);
  });

  it('the phone (390 px): the walk fits, nothing cut off, no text under 14 px, no axe violation', async () => {
    const phone = await pages.open('?scenario=compare');
    await phone.setViewportSize(PHONE);
    await phone.getByTestId('guide-reveal').click();
    await phone.getByTestId('walk-step').click();
    await phone.getByTestId('walk').scrollIntoViewIfNeeded();
    await phone.waitForTimeout(300);
    expect(await cutOff(phone)).toEqual([]);
    expect(await smallTexts(phone, 14)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'recursion-phone-390');
  });

  it('presenter mode: no text under 16 px with the walk open', async () => {
    const page = await pages.open('?scenario=compare');
    await page.getByTestId('presenter').click();
    await expect.poll(() => page.getByTestId('app').getAttribute('class')).toMatch(/presenter/);
    await page.getByTestId('compare-fold-backward').click();
    await page.getByTestId('guide-reveal').click();
    for (let k = 0; k < 10; k++) await page.getByTestId('walk-step').click();
    await page.getByTestId('walk').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    expect(await smallTexts(page, 16)).toEqual([]);
    await screenshot(page, 'recursion-presenter-1280x800');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.waitForTimeout(300);
    expect(await smallTexts(page, 16)).toEqual([]);
    await screenshot(page, 'recursion-presenter-1600x1000');
  });
});
