/**
 * Reading the Before vs after panel in a browser test: its numbers as written (thousands
 * separators), its runs, and checks of its text (sizes, clipped labels).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** An element's trimmed text. */
export const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
/** A number as the panel writes it (thousands separators). */
export const parse = (s: string) => Number(s.replace(/,/g, ''));
/** The first number in an element's text (thousands separators allowed). */
export const firstNumber = async (page: Page, testid: string) =>
  parse((await text(page, testid)).match(/-?\d[\d,]*(\.\d+)?/)![0]);
/** Waits until the run on screen has timed `samples` samples of each engine. */
export async function waitForSamples(page: Page, samples: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const status = document.querySelector('[data-testid="compare-status"]')?.textContent ?? '';
      const match = status.match(/([\d,]+) of [\d,]+ samples/);
      return match !== null && Number(match[1].replace(/,/g, '')) >= n;
    },
    samples,
    { timeout: 120_000 },
  );
}
/** Values per step of the run on screen (none before its first summary). */
export const valuesPerStep = (page: Page) =>
  page.evaluate(() => {
    const status = document.querySelector('[data-testid="compare-status"]')?.textContent ?? '';
    return status.match(/([\d,]+) Values per step/)?.[1] ?? null;
  });
/** Starts a run of the guide's neuron, or of the demo with a batch of `points`: a new size. */
export async function runWorkload(page: Page, workload: 'neuron' | number): Promise<void> {
  await page.getByTestId('compare-status').waitFor();
  const before = await valuesPerStep(page);
  await page
    .getByTestId('compare-training')
    .selectOption(workload === 'neuron' ? 'neuron' : 'demo');
  if (workload !== 'neuron') await page.getByTestId('compare-points').fill(String(workload));
  await page.getByTestId('compare-run').click();
  await expect
    .poll(
      async () => {
        const now = await valuesPerStep(page);
        return now !== null && now !== before;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** What the panel shows as text now, to search for figures computed from nothing. */
export const panelText = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-testid="compare-panel"]')?.textContent ?? '');

/** The percentages of time in spikes, each engine's, as shown. */
export async function spikeShares(page: Page): Promise<number[]> {
  const all = await panelText(page);
  return [...all.matchAll(/(?:Collector’s spikes|Slow samples): ([\d.]+) %/g)].map((m) =>
    Number(m[1]),
  );
}

/**
 * Visible text in the compare panel under `min` px, as `size tag: text` lines. Hidden elements
 * and screen-reader-only text (a 1 px box) are skipped.
 */
export const smallTexts = (page: Page, min: number) =>
  page.evaluate((min) => {
    const root = document.querySelector('[data-testid="compare-panel"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const small: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent?.trim();
      const element = node.parentElement;
      if (!words || !element || !element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < min) small.push(`${size}px ${element.tagName}: ${words.slice(0, 40)}`);
    }
    return small;
  }, min);

/** Byte-layout segments whose label is wider than the segment. */
export const clippedSegments = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="compare-panel"] .cmp-seg')]
      .filter((e) => e.scrollWidth > e.clientWidth)
      .map((e) => `${e.title}: ${e.scrollWidth} > ${e.clientWidth} px`),
  );
