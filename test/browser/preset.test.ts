/**
 * micrograd's preset in the browser: the notebook's run by link and by menu, the notebook's
 * printout beside ours (`notebook-loss`, `notebook-diff`), the explanation by keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  MICROGRAD_NOTEBOOK,
  NOTEBOOK_LOSSES,
  createTrainer,
  trainStep,
  type StepReport,
} from '../../src/core';
import { screenshot, useAppPages } from './harness';

const pages = useAppPages();

const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
const step = async (page: Page) => Number(await text(page, 'stat-step'));

/** The notebook's run in this process: step k's report, k = 0..99. */
const reports: StepReport[] = (() => {
  const trainer = createTrainer(MICROGRAD_NOTEBOOK);
  return Array.from({ length: 100 }, () => ({ ...trainStep(trainer) }));
})();

/** Trains forward to `target` (the slider past the history's end: the worker trains there). */
async function trainTo(page: Page, target: number): Promise<void> {
  const slider = page.getByTestId('step-slider');
  await slider.evaluate((el: HTMLInputElement, max) => (el.max = max), String(target));
  await slider.fill(String(target));
  await expect.poll(() => step(page), { timeout: 60_000 }).toBe(target);
}

describe("micrograd's preset", () => {
  it("by link: the notebook's setup, and step 0's loss equal to the notebook's, difference 0", async () => {
    const page = await pages.open('?scenario=mlp&preset=micrograd');
    await page.getByTestId('notebook-loss').waitFor();
    expect(await page.getByTestId('preset').inputValue()).toBe('micrograd');
    expect(await page.getByTestId('dataset').inputValue()).toBe('micrograd-moons');
    expect(await page.getByTestId('weight-init').inputValue()).toBe('micrograd');
    expect(await page.getByTestId('seed').inputValue()).toBe('1337');
    expect(await page.getByTestId('points').isDisabled()).toBe(true);
    // Before any step the notebook's step 0 is shown, ours not yet computed.
    expect(await text(page, 'notebook-step')).toBe('0');
    expect(await text(page, 'notebook-loss')).toBe('0.8958441028683222');
    expect(await text(page, 'our-loss')).toBe('not yet');
    await page.getByTestId('step').click();
    await expect.poll(() => text(page, 'our-loss')).toBe('0.8958441028683222');
    expect(await text(page, 'notebook-step')).toBe('0');
    expect(await text(page, 'notebook-diff')).toBe('0');
    expect(await text(page, 'our-accuracy')).toBe('50%');
    expect(await text(page, 'notebook-accuracy')).toBe('50%');
    await screenshot(page, 'preset-step0');
  });

  it('after training the difference is a few units in the last place, the accuracy equal', async () => {
    const page = await pages.open('?scenario=mlp&preset=micrograd&step=1');
    await expect.poll(() => text(page, 'notebook-diff')).toBe('0');
    await trainTo(page, 70);
    expect(await text(page, 'notebook-step')).toBe('69');
    const ours = Number(await text(page, 'our-loss'));
    const notebook = Number(await text(page, 'notebook-loss'));
    expect(notebook).toBe(NOTEBOOK_LOSSES[69]);
    expect(ours).toBe(reports[69].loss); // the numbers on screen are the engine's
    expect(Math.abs(ours - notebook) / notebook).toBeLessThan(1e-12);
    const units = Number((await text(page, 'notebook-diff')).replace('−', '-'));
    expect(Number.isInteger(units)).toBe(true);
    expect(Math.abs(units)).toBeLessThanOrEqual(64);
    expect(await text(page, 'our-accuracy')).toBe(await text(page, 'notebook-accuracy'));
    // The notebook printed steps 0–99 only.
    await trainTo(page, 101);
    await expect.poll(() => page.getByText('the notebook printed steps 0–99 only').count()).toBe(1);
  });

  it('explains the last digit by keyboard, without taking a step', async () => {
    const page = await pages.open('?scenario=mlp&preset=micrograd&step=1');
    const summary = page.getByText('why the last digit can differ');
    await summary.focus();
    await page.keyboard.press('Enter');
    const why = page.getByText(/keeps a Value’s parents in a Python set/);
    await expect.poll(() => why.isVisible()).toBe(true);
    expect(await step(page)).toBe(1); // Enter opened the explanation, not a training step
    const size = await why.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'preset-why');
    await page.keyboard.press('Escape');
    await expect.poll(() => why.isVisible()).toBe(false);
  });

  it('by menu: the preset starts its run and the link; a change leaves it, "default" goes back', async () => {
    const page = await pages.open('?scenario=mlp');
    await page.getByTestId('boundary').waitFor();
    expect(await page.getByTestId('notebook-loss').count()).toBe(0);
    await page.getByTestId('preset').selectOption('micrograd');
    await page.getByTestId('notebook-loss').waitFor();
    await expect.poll(() => page.url()).toMatch(/\?scenario=mlp&preset=micrograd$/);
    await page.getByTestId('learning-rate').fill('0.5');
    await page.getByTestId('learning-rate').press('Enter');
    await expect.poll(() => page.getByText(/no longer the notebook’s run/).count()).toBe(1);
    expect(await page.getByTestId('preset').inputValue()).toBe('custom');
    await expect.poll(() => page.url()).toMatch(/preset=micrograd&lr=0.5$/);
    await page.getByTestId('preset').selectOption('default');
    await expect.poll(() => page.getByTestId('notebook-loss').count()).toBe(0);
    await expect.poll(() => page.url()).toMatch(/\?scenario=mlp$/);
  });

  it("after 100 steps: 100% on micrograd's moons (the boundary, for docs/workbench.md)", async () => {
    const page = await pages.open('?scenario=mlp&preset=micrograd&step=100');
    await expect.poll(() => step(page), { timeout: 60_000 }).toBe(100);
    expect(await text(page, 'our-loss')).toBe(String(reports[99].loss));
    expect(await text(page, 'wb-accuracy')).toBe('100%');
    await screenshot(page, 'preset-step100');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await screenshot(page, 'preset-step100-1600');
  });
});
