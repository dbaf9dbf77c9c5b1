import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainer, GUIDE_EXAMPLE, trainStep, type TrainSettings } from '../../src/core';
import { cppSpecOf } from '../../src/core/cpp/cppSpec';
import { DEFAULT_TRAINING, settingsOf } from '../../src/setup/training';
import {
  recordFrameIntervals,
  reportMeasurement,
  screenshot,
  takeFrameIntervals,
  useAppPages,
} from './harness';

const pages = useAppPages();
const work = mkdtempSync(join(tmpdir(), 'arenagrad-cpp-download-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hasGpp = !spawnSync('g++', ['--version']).error;

async function openCompare(): Promise<Page> {
  const page = await pages.open();
  await page.getByTestId('scenario').selectOption('compare');
  await page.getByTestId('compare-panel').waitFor();
  await page.getByTestId('compare-run').click(); // restart the JS comparison: …
  await page.getByText('Stop', { exact: true }).first().click(); // … and stop it, to free a core
  return page;
}

const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
const first = (s: string) => Number(s.match(/-?\d[\d,]*(\.\d+)?/)![0].replace(/,/g, ''));
const firstNumber = async (page: Page, testid: string) => first(await text(page, testid));

async function timeUntilDone(page: Page, button: string): Promise<void> {
  await page.getByTestId(button).click();
  await page.waitForFunction(
    () => /^Done/.test(document.querySelector('[data-testid="cpp-status"]')?.textContent ?? ''),
    null,
    { timeout: 110_000 },
  );
}

const ENGINES = ['cpp-before', 'cpp-after', 'cpp-ts', 'cpp-wasm', 'cpp-js-heap'];

describe('the guide’s C++ in the page', () => {
  it('times the five engines interleaved: C++ before slower than C++ after, equal losses', async () => {
    const page = await openCompare();
    await recordFrameIntervals(page);
    await timeUntilDone(page, 'cpp-run');
    const frames = await takeFrameIntervals(page);
    const us = await Promise.all(ENGINES.map((id) => firstNumber(page, id)));
    for (const x of us) expect(x).toBeGreaterThan(0);
    expect(us[0]).toBeGreaterThan(us[1]); // C++ before slower than C++ after
    expect(await firstNumber(page, 'cpp-before-mallocs')).toBeGreaterThan(3 * 65_481);
    expect(await firstNumber(page, 'cpp-after-mallocs')).toBe(0);
    for (const id of ENGINES) {
      const [, equal, of] = (await text(page, id)).match(
        /equal to the TypeScript engine’s at ([\d,]+) of ([\d,]+)/,
      )!;
      expect(equal, id).toBe(of);
    }
    expect(await text(page, 'cpp-status')).toContain('65,481 Values per step');
    await page.getByTestId('cpp-ratios').scrollIntoViewIfNeeded();
    await screenshot(page, 'cpp-rows-demo');
    const ratios = await text(page, 'cpp-ratios');
    reportMeasurement(
      `cpp (demo, one interleaved run in Chromium): µs per step ${ENGINES.map((id, i) => `${id} ${us[i]}`).join(', ')}; ${ratios}; ` +
        `main-thread frame median ${frames[frames.length >> 1]?.toFixed(1)} ms over ${frames.length} frames`,
    );
    await timeUntilDone(page, 'cpp-run-neuron');
    const neuron = await Promise.all(ENGINES.map((id) => firstNumber(page, id)));
    expect(neuron[0]).toBeGreaterThan(neuron[1]);
    reportMeasurement(
      `cpp (guide's neuron, Chromium): µs per step ${ENGINES.map((id, i) => `${id} ${neuron[i]}`).join(', ')}; ${await text(page, 'cpp-ratios')}`,
    );
  });

  it('draws the C++ heap after 3 steps, growing with the capturing lambdas and not without', async () => {
    const page = await openCompare();
    const heap = page.getByTestId('cpp-heap');
    await heap.waitFor();
    const stepTo = async (steps: number) => {
      for (let k = 0; k < steps; k++) {
        await page.getByTestId('cpp-heap-step').click();
        await page.getByText(`after step ${k}:`).waitFor({ timeout: 90_000 }); // a busy CI machine
      }
    };
    await expect.poll(() => page.getByTestId('cpp-leak-toggle').isChecked()).toBe(true);
    await stepTo(3);
    const leaking = await firstNumber(page, 'cpp-leak');
    expect(leaking).toBeGreaterThan(0);
    expect(await text(page, 'cpp-heap')).toMatch(
      /[\d,]+ chunks, [\d,]+ in use, [\d,]+ free, [\d,]+ bytes/,
    );
    expect(await text(page, 'cpp-cleanup')).toMatch(
      /automatic cleanup.*Not with these lambdas: after 3 steps, 54 Value chunks/,
    );
    await page.getByTestId('cpp-heap').scrollIntoViewIfNeeded();
    await screenshot(page, 'cpp-heap-leak');
    await page.getByTestId('cpp-leak-toggle').click();
    await stepTo(3);
    expect(await firstNumber(page, 'cpp-leak')).toBe(0);
    expect(await text(page, 'cpp-cleanup')).toContain('the heap returns to its size');
    await page.getByTestId('cpp-heap').scrollIntoViewIfNeeded();
    await screenshot(page, 'cpp-heap-no-leak');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId('cpp-heap').scrollIntoViewIfNeeded();
    await screenshot(page, 'cpp-heap-no-leak-1600');
  });

  const downloads: [string, string, TrainSettings][] = [
    ['guide', 'the guide’s example', GUIDE_EXAMPLE],
    ['mlp', 'the MLP', settingsOf(DEFAULT_TRAINING)],
  ];
  for (const [scenario, name, settings] of downloads) {
    it.runIf(hasGpp)(
      `downloads ${name} as C++ that g++ builds and that prints the same losses`,
      async () => {
        const page = await pages.open(`?scenario=${scenario}`);
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByTestId('download-cpp').click(),
        ]);
        const source = join(work, `${scenario}.cpp`);
        await file.saveAs(source);
        const binary = join(work, scenario);
        const build = spawnSync('g++', ['-O2', '-std=c++17', '-o', binary, source], {
          encoding: 'utf8',
        });
        expect(build.status, build.stderr).toBe(0);
        const run = spawnSync(binary, { encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        const printed = run.stdout
          .trim()
          .split('\n')
          .map((line) => Number(line.split(' ')[3]));
        expect(printed.length).toBeGreaterThan(10);
        expect(printed).toEqual(losses(settings, readFileSync(source, 'utf8'), printed.length));
      },
    );
  }
});

/**
 * The TypeScript engine's losses on the data and first weights of a downloaded program (its
 * kSpec, laid out as cpp/spec.h says). They are the page's: Chromium computes the moons in the
 * last bits differently from Node (Math.cos and friends), so the test takes them from the file,
 * after checking they are the run `settings` makes, to 1e-12.
 */
function losses(settings: TrainSettings, program: string, steps: number): number[] {
  const literal = program.match(/kSpec\[\] = \{([^}]*)\}/)![1];
  const spec = literal
    .split(',')
    .filter((t) => t.trim() !== '')
    .map((t) => (t.trim() === 'INFINITY' ? Infinity : Number(t)));
  const trainer = createTrainer(settings);
  const { dataset, mlp, memory } = trainer;
  const mine = cppSpecOf(settings);
  expect(spec.length).toBe(mine.length);
  spec.forEach((x, i) => expect(Math.abs(x - mine[i])).toBeLessThan(1e-12));
  const at = 2 + settings.sizes.length + 8; // the layout of cpp/spec.h
  dataset.x.set(spec.slice(at, at + dataset.x.length));
  dataset.y.set(spec.slice(at + dataset.x.length, at + dataset.x.length + dataset.y.length));
  const weights = spec.slice(at + dataset.x.length + dataset.y.length);
  mlp.parameters.forEach((address, i) => (memory.f64[address >> 3] = weights[i]));
  return Array.from({ length: steps }, () => trainStep(trainer).loss);
}
