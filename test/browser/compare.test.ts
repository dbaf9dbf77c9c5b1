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
import {
  clippedSegments,
  firstNumber,
  panelText,
  parse,
  runWorkload,
  smallTexts,
  spikeShares,
  text,
  valuesPerStep,
  waitForSamples,
} from './compareHelpers';

const pages = useAppPages();

async function openCompare(): Promise<Page> {
  const page = await pages.open();
  await page.getByTestId('scenario').selectOption('compare');
  await page.getByTestId('compare-panel').waitFor();
  return page;
}

describe('before vs after', () => {
  it("measures both engines live on micrograd's demo batch, with equal losses, off the main thread", async () => {
    const page = await openCompare();
    await recordFrameIntervals(page);
    await waitForSamples(page, 20);
    const frames = await takeFrameIntervals(page);
    const frameMedian = frames[Math.floor(frames.length / 2)];
    // one summary: everything the log quotes, read in one go
    const held = await page.evaluate(() =>
      ['compare-heap', 'compare-arena', 'compare-ratio', 'compare-status'].map(
        (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '',
      ),
    );
    const first = (s: string) => parse(s.match(/-?\d[\d,]*(\.\d+)?/)![0]);
    const [heapUs, arenaUs] = [first(held[0]), first(held[1])];
    const pageRatio = held[2];
    const samples = parse(held[3].match(/([\d,]+) of [\d,]+ samples/)![1]);
    expect(heapUs).toBeGreaterThan(0);
    expect(arenaUs).toBeGreaterThan(0);
    expect(await firstNumber(page, 'compare-objects-arena')).toBe(0);
    expect(await firstNumber(page, 'compare-objects-heap')).toBeGreaterThan(3 * 65_481);
    expect(await text(page, 'compare-status')).toContain('65,481 Values per step');
    // the same training: every step's two losses are equal
    expect(parse(await text(page, 'compare-equal'))).toBeGreaterThanOrEqual(20);
    expect(pageRatio).toMatch(/^[\d,]+(\.\d)?×$/);
    expect(parse(pageRatio.slice(0, -1))).toBeGreaterThan(0);
    expect(await text(page, 'compare-losses')).toMatch(/equal at ([\d,]+) of \1 steps/);
    reportMeasurement(
      `compare (demo batch, 100 points, ${samples} samples each): heap ${heapUs} µs/step, arena ${arenaUs} µs/step, ` +
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
    await waitForSamples(page, 1);
    const heapObjects = await firstNumber(page, 'compare-objects-heap');
    await runWorkload(page, 20);
    const values = parse((await valuesPerStep(page))!);
    expect(values).toBeLessThan(65_481 / 3);
    const smaller = await firstNumber(page, 'compare-objects-heap');
    expect(smaller).toBeLessThan(heapObjects / 3);
    expect(smaller).toBeGreaterThan(3 * values);
  });

  for (const workload of ['neuron', 4] as const) {
    const name = workload === 'neuron' ? "the guide's neuron" : 'a batch of 4';
    it(`times ${name} on the page's coarse clock: every figure positive, none from zeros`, async () => {
      const page = await openCompare();
      await runWorkload(page, workload);
      await waitForSamples(page, 20);
      const status = await text(page, 'compare-status');
      const tick = parse(status.match(/ticks every ([\d,.]+) µs/)![1]);
      const heapUs = await firstNumber(page, 'compare-heap');
      const arenaUs = await firstNumber(page, 'compare-arena');
      expect(heapUs).toBeGreaterThan(0);
      expect(arenaUs).toBeGreaterThan(0);
      const ratio = await text(page, 'compare-ratio');
      expect(ratio).toMatch(/^[\d,]+(\.\d)?×$/);
      const r = parse(ratio.slice(0, -1));
      expect(Number.isFinite(r) && r > 0).toBe(true);
      // a step shorter than a tick is timed in batches, and the page says how many
      const batches = status.match(/([\d,]+) arena steps, ([\d,]+) heap steps per sample/)!;
      const arenaBatch = parse(batches[1]);
      if (arenaUs < tick) expect(arenaBatch).toBeGreaterThan(1);
      expect(arenaBatch * arenaUs).toBeGreaterThan(20 * tick); // a sample is many ticks long
      const all = await panelText(page);
      expect(all).not.toMatch(/(^|[^\d.,])0 µs/);
      expect(all).not.toMatch(/(^|[^\d.,])0×/);
      const shares = await spikeShares(page);
      expect(shares).toHaveLength(2);
      for (const share of shares) expect(share).toBeLessThan(100);
      if (arenaBatch > 1) expect(all).toMatch(/over samples of [\d,]+ steps/);
      expect(await text(page, 'compare-losses')).toMatch(/equal at ([\d,]+) of \1 steps/);
      reportMeasurement(
        `compare (${name}): heap ${heapUs} µs/step, arena ${arenaUs} µs/step, ratio ${ratio}, ` +
          `clock tick ${tick} µs, batches ${batches[1]} arena / ${batches[2]} heap steps per sample`,
      );
    });
  }

  it('draws the byte layouts without a clipped label, at 1280×800 and 1600×1000', async () => {
    const page = await openCompare();
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1600, height: 1000 },
    ]) {
      await page.setViewportSize(size);
      await page.getByTestId('layouts').scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
      expect(await clippedSegments(page)).toEqual([]);
      // the wide fields keep their names; every field has its full name for hover and readers
      const shown = await page
        .locator('[data-testid="layouts"] .cmp-seg > [aria-hidden="true"]')
        .allTextContents();
      expect(shown).toContain('gradient_func');
      expect(shown).toContain('control block');
      const titles = await page
        .locator('[data-testid="layouts"] .cmp-seg')
        .evaluateAll((els) => els.map((e) => e.getAttribute('title')));
      expect(titles).toContain('malloc header: 8 B');
      expect(titles).toContain('_gradient: 8 B');
      await screenshot(page, `compare-layouts-${size.width}x${size.height}`);
    }
  });

  it('presenter mode: headline at 28 px or more, nothing else under 16 px, the rest one button away', async () => {
    const page = await openCompare();
    await runWorkload(page, 'neuron');
    await waitForSamples(page, 5);
    await page.getByTestId('presenter').click();
    await expect.poll(() => page.getByTestId('app').getAttribute('class')).toMatch(/presenter/);
    await page.waitForTimeout(300);
    // The headline's numbers (the folded parts below have big numbers of their own).
    const headline = page.locator('[data-testid="compare-panel"] .cmp-headline .cmp-big strong');
    expect(await headline.count()).toBe(5); // µs ×2, objects ×2, heap ÷ arena
    for (const size of await headline.evaluateAll((els) =>
      els.map((e) => parseFloat(getComputedStyle(e).fontSize)),
    ))
      expect(size).toBeGreaterThanOrEqual(28);
    expect(await smallTexts(page, 16)).toEqual([]);
    // the essentials fit the projector's screen: no scrolling, nothing wider than the panel
    const fits = await page.getByTestId('compare-panel').evaluate((e) => ({
      x: e.scrollWidth <= e.clientWidth,
      y: e.scrollHeight <= e.clientHeight,
    }));
    expect(fits).toEqual({ x: true, y: true });
    await expect.poll(() => page.getByTestId('compare-strip').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('compare-losses').isVisible()).toBe(true);
    await screenshot(page, 'compare-presenter-1280x800');
    // every part opens in place, at 16 px and more, nothing clipped; the panel scrolls by keyboard
    for (const id of ['engines', 'backward', 'loop', 'bug', 'layouts', 'reasons']) {
      const button = page.getByTestId(`compare-fold-${id}`);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
    }
    await page.waitForTimeout(200);
    expect(await smallTexts(page, 16)).toEqual([]);
    expect(await clippedSegments(page)).toEqual([]);
    const panel = page.getByTestId('compare-panel');
    expect(await panel.getAttribute('tabindex')).toBe('0');
    expect(await panel.getAttribute('aria-label')).toBeTruthy();
    await panel.focus();
    await page.keyboard.press('End');
    await expect.poll(() => panel.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    await screenshot(page, 'compare-presenter-open-1280x800');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.waitForTimeout(300);
    expect(await smallTexts(page, 16)).toEqual([]);
    await panel.evaluate((e) => (e.scrollTop = 0));
    await screenshot(page, 'compare-presenter-open-1600x1000');
  });

  it("gives the guide's backward 8 where the tape and finite differences give 4", async () => {
    const page = await openCompare();
    expect(await page.getByTestId('guide-program').inputValue()).toBe(
      'a = 1; b = a + a; c = b + b',
    );
    // asked first: the numbers wait for an answer or Show me
    expect(await page.getByTestId('guide-grad').count()).toBe(0);
    await page.getByTestId('guide-reveal').click();
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
