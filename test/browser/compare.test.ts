import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTrainer, GUIDE_EXAMPLE } from '../../src/core';
import {
  recordFrameIntervals,
  reportMeasurement,
  screenshot,
  takeFrameIntervals,
  useAppPages,
} from './harness';

const pages = useAppPages();

async function openCompare(): Promise<Page> {
  const page = await pages.open();
  await page.getByTestId('scenario').selectOption('compare');
  await page.getByTestId('compare-panel').waitFor();
  return page;
}

const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
/** The first number in an element's text (thousands separators allowed). */
const firstNumber = async (page: Page, testid: string) =>
  Number((await text(page, testid)).match(/-?\d[\d,]*(\.\d+)?/)![0].replace(/,/g, ''));
async function waitForSteps(page: Page, steps: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const status = document.querySelector('[data-testid="compare-status"]')?.textContent ?? '';
      const match = status.match(/step (\d+) of/);
      return match !== null && Number(match[1]) >= n;
    },
    steps,
    { timeout: 90_000 },
  );
}

describe('before vs after', () => {
  it("measures both engines live on micrograd's demo batch, with equal losses, off the main thread", async () => {
    const page = await openCompare();
    await recordFrameIntervals(page);
    await waitForSteps(page, 22);
    const frames = await takeFrameIntervals(page);
    const frameMedian = frames[Math.floor(frames.length / 2)];
    // one summary: everything the log quotes, read in one go
    const held = await page.evaluate(() =>
      ['compare-heap', 'compare-arena', 'compare-ratio', 'compare-status'].map(
        (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '',
      ),
    );
    const first = (s: string) => Number(s.match(/-?\d[\d,]*(\.\d+)?/)![0].replace(/,/g, ''));
    const [heapUs, arenaUs] = [first(held[0]), first(held[1])];
    const pageRatio = held[2];
    const steps = Number(held[3].match(/step (\d+) of/)![1]);
    expect(heapUs).toBeGreaterThan(0);
    expect(arenaUs).toBeGreaterThan(0);
    expect(await firstNumber(page, 'compare-objects-arena')).toBe(0);
    expect(await firstNumber(page, 'compare-objects-heap')).toBeGreaterThan(3 * 65_481);
    expect(await text(page, 'compare-status')).toContain('65,481 Values per step');
    // the same training: every step's two losses are equal
    expect(Number(await text(page, 'compare-equal'))).toBeGreaterThanOrEqual(20);
    expect(await text(page, 'compare-ratio')).toMatch(/\d+×/);
    expect(await text(page, 'compare-ratio')).not.toBe('0×');
    const equalOf = (await page.locator('.cmp-ratio').textContent()) ?? '';
    expect(equalOf).toMatch(new RegExp(`equal at (\\d+) of \\1 `));
    reportMeasurement(
      `compare (demo batch, 100 points, ${steps} steps each): heap ${heapUs} µs/step, arena ${arenaUs} µs/step, ` +
        `page ratio ${pageRatio}; ` +
        `main-thread frame median ${frameMedian.toFixed(1)} ms over ${frames.length} frames`,
    );
    await screenshot(page, 'compare-1280x800');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.waitForTimeout(300);
    await screenshot(page, 'compare-1600x1000');
  });

  it('changing the batch size changes the numbers', async () => {
    const page = await openCompare();
    await waitForSteps(page, 3);
    const heapObjects = await firstNumber(page, 'compare-objects-heap');
    await page.getByTestId('compare-points').fill('20');
    await page.getByTestId('compare-run').click();
    await page.waitForFunction(() =>
      /step ([3-9]|\d\d+) of/.test(
        document.querySelector('[data-testid="compare-status"]')?.textContent ?? '',
      ),
    );
    const status = await text(page, 'compare-status');
    const values = Number(status.match(/([\d,]+) Values per step/)![1].replace(/,/g, ''));
    expect(values).toBeLessThan(65_481 / 3);
    const smaller = await firstNumber(page, 'compare-objects-heap');
    expect(smaller).toBeLessThan(heapObjects / 3);
    expect(smaller).toBeGreaterThan(3 * values);
  });

  it("gives the guide's backward 8 where the tape and finite differences give 4", async () => {
    const page = await openCompare();
    expect(await page.getByTestId('guide-program').inputValue()).toBe(
      'a = 1; b = a + a; c = b + b',
    );
    expect(await firstNumber(page, 'guide-grad')).toBe(8);
    expect(await firstNumber(page, 'tape-grad')).toBe(4);
    expect(Math.abs((await firstNumber(page, 'fd-grad')) - 4)).toBeLessThan(1e-6);
    expect(await firstNumber(page, 'guide-visits')).toBe(7);
    // sixty doublings: stopped at the budget, and said so
    const sixty = [
      'x0 = 1',
      ...Array.from({ length: 60 }, (_, i) => `x${i + 1} = x${i} + x${i}`),
    ].join('; ');
    await page.getByTestId('guide-program').fill(sixty);
    await page.getByTestId('guide-program').press('Enter');
    await expect.poll(() => text(page, 'guide-visits')).toMatch(/stopped at the budget/);
    expect(await text(page, 'guide-grad')).toContain('stopped');
  });

  it("runs the guide's loop: without the update the loss stays; with it, it trains", async () => {
    const page = await openCompare();
    await page.getByTestId('guide-step').click();
    const first = await text(page, 'guide-loss');
    for (let k = 0; k < 3; k++) await page.getByTestId('guide-step').click();
    expect(await text(page, 'guide-loss')).toBe(first);
    await page.getByTestId('guide-update').check();
    for (let k = 0; k < 5; k++) await page.getByTestId('guide-step').click();
    expect(Number(await text(page, 'guide-loss'))).toBeLessThan(Number(first));
  });

  it('acts out the classic bug: release reads another record silently, debug throws', async () => {
    const page = await openCompare();
    await page.getByTestId('keep-pointer').click();
    const release = await text(page, 'stale-read');
    expect(release).toMatch(/silently/);
    expect(release).toMatch(/step 2/); // the next step's record now lives there
    expect(release).not.toMatch(/UseAfterResetError/);
    await page.getByTestId('bug-debug').check();
    await page.getByTestId('keep-pointer').click();
    const debug = await text(page, 'stale-read');
    expect(debug).toMatch(/UseAfterResetError/);
    expect(debug).toMatch(/use after reset: the Value at 0x/);
    expect(debug).toMatch(/epoch/);
    await page.getByTestId('stale-read').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-classic-bug-debug');
  });

  it("checks a selected weight's gradient against finite differences in another scenario", async () => {
    const page = await pages.open(); // the guide's example
    const weight = createTrainer(GUIDE_EXAMPLE).mlp.parameters[1];
    for (let k = 0; k < 4; k++) await page.getByTestId('step').click(); // gradients exist
    await page
      .locator(`[data-testid="graph-view"] [data-testid="graph-node"][data-address="${weight}"]`)
      .click();
    await page.getByTestId('check-gradient').click();
    const result = await text(page, 'check-gradient-result');
    const [tape, fd] = [...result.matchAll(/(tape|differences) (-?[\d.e+-]+)/g)].map((m) =>
      Number(m[2]),
    );
    expect(Number.isFinite(tape) && Number.isFinite(fd)).toBe(true);
    expect(Math.abs(tape - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(tape)));
  });
});
