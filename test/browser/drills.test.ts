/**
 * "Be the engine" (issue 18): both drills by keyboard alone, from the playground's button.
 * Order the sweep with one wrong move and one right move off the tape's order; place the record
 * through the guide's Neuron(3), including the record after its 3-pointer array (padding).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { guidePlaceSteps } from '../../src/core/drills';
import { focusedTestId, smallTexts, tabTo, violations } from './exerciseHelpers';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();

const feedback = async (page: Page) =>
  (await page.getByTestId('drill-feedback').textContent()) ?? '';
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-name') ?? null);
const focusedAddress = (page: Page) =>
  page.evaluate(() => Number(document.activeElement?.getAttribute('data-address') ?? NaN));

/** Opens the dialog from the playground's button and starts a drill, by keyboard. */
async function startDrill(page: Page, which: 'order' | 'place'): Promise<void> {
  await tabTo(page, 'drills');
  await page.keyboard.press('Enter');
  await page.getByTestId('drill-dialog').waitFor();
  expect(await focusedTestId(page)).toBe('drill-choose-order');
  if (which === 'place') await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByTestId(`drill-${which}`).waitFor();
}

/** Home, then ↓ until the node named `name` has the focus. */
async function moveTo(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Home');
  for (let k = 0; k < 20 && (await focusedName(page)) !== name; k++)
    await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe(name);
}

describe('order the sweep, by keyboard', () => {
  it('one wrong move, one off-tape move, then the tape down; gradients only once placed', async () => {
    const page = await open('?scenario=playground');
    await startDrill(page, 'order');
    // The backdrop is opaque: the graph and its gradients are hidden while the drill runs.
    const backdrop = await page
      .getByTestId('drill-dialog')
      .evaluate((d) => getComputedStyle(d, '::backdrop').backgroundColor);
    expect(backdrop).toMatch(/^rgb\(/);
    expect(await focusedName(page)).toBe('x1');
    const grads = () =>
      page.locator('[data-testid="drill-node"][data-done="false"] .drill-grad').allTextContents();
    expect(new Set(await grads())).toEqual(new Set(['grad ?']));

    await page.keyboard.press('End');
    expect(await focusedName(page)).toBe('tanh out');
    await page.keyboard.press('Enter');
    expect(await feedback(page)).toMatch(/^✓ tanh out: gradient final \(1\)/);
    // The wrong move: x1 before the product that uses it.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const wrong = await feedback(page);
    expect(wrong).toMatch(/^✗ Not yet: x1’s gradient is not final\. × #5 uses x1/);
    expect(wrong).toContain('every node that uses it has added its share');
    expect(await page.locator('[data-name="x1"]').getAttribute('data-done')).toBe('false');
    await screenshot(page, 'drill-order-wrong');

    await page.keyboard.press('End');
    await moveTo(page, '+ n');
    await page.keyboard.press('Enter');
    // b is final (its one user, + n, is done) though the tape's sweep takes + #7 first.
    await moveTo(page, 'b');
    await page.keyboard.press('Enter');
    const off = await feedback(page);
    expect(off).toMatch(/^✓ b: gradient final \(0\.5\)/);
    expect(off).toContain('takes + #7 first');
    for (const name of ['+ #7', '× #6', '× #5', 'w2', 'w1', 'x2', 'x1']) {
      await moveTo(page, name);
      await page.keyboard.press('Enter');
      expect(await feedback(page)).toMatch(new RegExp(`^✓ ${name.replace(/[+*]/g, '\\$&')}:`));
    }
    // The lecture's neuron: do/dx1 = −1.5, do/dw1 = 1, do/dx2 = 0.5, do/dw2 = 0.
    const gradOf = (name: string) =>
      page.locator(`[data-name="${name}"] .drill-grad`).textContent();
    expect(await gradOf('x1')).toBe('grad −1.5');
    expect(await gradOf('w1')).toBe('grad 1');
    expect(await gradOf('x2')).toBe('grad 0.5');
    expect(await gradOf('w2')).toBe('grad 0');
    const score = page.getByTestId('drill-score');
    expect(await score.getAttribute('data-right')).toBe('10');
    expect(await score.getAttribute('data-moves')).toBe('11');
    expect(await score.textContent()).toContain('Score: 10 of 11 moves right — 1 wrong move.');
    await screenshot(page, 'drill-order-score');

    await page.keyboard.press('Escape');
    await page.getByTestId('drill-dialog').waitFor({ state: 'hidden' });
    expect(await focusedTestId(page)).toBe('drills');
  });

  it('the guide’s example: its step’s nodes as its graph names them; the loss first', async () => {
    const page = await open(); // the guide's example: the button is in its graph bar
    await startDrill(page, 'order');
    const names = await page
      .getByTestId('drill-node')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    // The graph's own names: the inputs, the products and sums, the activation, the loss.
    expect(names.slice(0, 3)).toEqual(['x1', 'x2', 'x3']);
    expect(names).toContain('relu score');
    const graphTitles = await page
      .locator('[data-testid="graph-view"] [data-testid="graph-node"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    for (const name of names) {
      expect(graphTitles.some((t) => t.startsWith(`${name} `) || t.startsWith(`${name}:`))).toBe(
        true,
      );
    }
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    expect(await feedback(page)).toMatch(/^✗ Not yet: x1’s gradient is not final\. × #3 uses x1/);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    expect(await feedback(page)).toMatch(
      new RegExp(`^✓ ${names.at(-1)!.replace(/[+*^]/g, '\\$&')}: gradient final \\(1\\)`),
    );
    await screenshot(page, 'drill-order-guide');
  });
});

describe('place the record, by keyboard', () => {
  it('the guide’s Neuron(3): the array, w1 after the padding (one wrong pick at the bump pointer), the forward', async () => {
    const page = await open('?scenario=playground');
    await startDrill(page, 'place');
    const steps = guidePlaceSteps();
    expect(await focusedAddress(page)).toBe(steps[0].base);
    const goTo = async (address: number): Promise<void> => {
      const from = await focusedAddress(page);
      const cells = (address - from) / 4;
      for (let k = 0; k < Math.floor(cells / 8); k++) await page.keyboard.press('ArrowDown');
      for (let k = 0; k < cells % 8; k++) await page.keyboard.press('ArrowRight');
      expect(await focusedAddress(page)).toBe(address);
    };
    for (const [i, step] of steps.entries()) {
      expect(await page.getByTestId('drill-question').getAttribute('data-step')).toBe(String(i));
      if (step.name === 'w1') {
        // The bump pointer stands 12 bytes past the array: not 8-byte aligned.
        expect(step.top % 8).toBe(4);
        await goTo(step.top);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('▲top');
        await page.keyboard.press('Enter');
        const wrong = await feedback(page);
        expect(wrong).toMatch(/^✗ Not there: 0x0000001c is the bump pointer/);
        expect(wrong).toContain('4 bytes of padding');
        expect(await page.getByTestId('drill-question').getAttribute('data-step')).toBe('1');
        await screenshot(page, 'drill-place-padding');
      }
      if (step.name === 'w2') {
        // The padding before w1 is marked in words, not colour alone.
        const pad = page.locator(`[data-testid="drill-cell"][data-address="${steps[1].top}"]`);
        expect(await pad.textContent()).toBe('pad');
        expect(await pad.getAttribute('aria-label')).toBe('pad, 0x0000001c: padding');
      }
      await goTo(step.address);
      await page.keyboard.press('Enter');
      expect(await feedback(page)).toMatch(/^✓ /);
    }
    const score = page.getByTestId('drill-score');
    expect(await score.getAttribute('data-right')).toBe(String(steps.length));
    expect(await score.getAttribute('data-moves')).toBe(String(steps.length + 1));
    const last = steps[steps.length - 1];
    const lastCell = page.locator(`[data-testid="drill-cell"][data-address="${last.address}"]`);
    expect(await lastCell.textContent()).toBe(last.name);
    await screenshot(page, 'drill-place-score');
  });

  it('fits a phone (390 px): no sideways scroll in the dialog, the grid four cells a row', async () => {
    const page = await open('?scenario=playground');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('panel-tabs').getByText('Code').click();
    await page.getByTestId('drills').click();
    await page.getByTestId('drill-choose-place').click();
    await page.getByTestId('drill-place').waitFor();
    const fits = await page.getByTestId('drill-dialog').evaluate((d) => ({
      right: d.getBoundingClientRect().right,
      overflow: d.scrollWidth - d.clientWidth,
      rowCells: d.querySelector('.drill-row:not(.drill-head)')!.querySelectorAll('button').length,
    }));
    expect(fits.right).toBeLessThanOrEqual(390);
    expect(fits.overflow).toBeLessThanOrEqual(0);
    expect(fits.rowCells).toBe(4);
    await screenshot(page, 'drill-place-390');
    await page.getByTestId('drill-choose-order').click();
    const order = await page
      .getByTestId('drill-dialog')
      .evaluate((d) => d.scrollWidth - d.clientWidth);
    expect(order).toBeLessThanOrEqual(0);
    await screenshot(page, 'drill-order-390');
  });

  it('no serious axe violation in either drill; presenter mode: no text under 16 px', async () => {
    const page = await open('?scenario=playground&presenter=1');
    for (const which of ['order', 'place'] as const) {
      await page.getByTestId('drills').click();
      await page.getByTestId(`drill-choose-${which}`).click();
      await page.getByTestId(`drill-${which}`).waitFor();
      await page.locator(`[data-testid="drill-${which}"] button`).first().click(); // feedback
      expect(await violations(page)).toEqual([]);
      expect(await smallTexts(page, 16)).toEqual([]);
      await screenshot(page, `drill-${which}-presenter`);
      await page.keyboard.press('Escape');
      await page.getByTestId('drill-dialog').waitFor({ state: 'hidden' });
    }
  });
});
