/**
 * Shareable state in a real browser: links that reproduce a run, links with bad parameters,
 * weights files exported, imported (good and bad), and weights edited by hand.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, useAppPages } from './harness';

const pages = useAppPages();

const graphNodes = (page: Page, selector = '') =>
  page.locator(`[data-testid="graph-view"] [data-testid="graph-node"]${selector}`);
const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';

/** Opens the app at `query` (e.g. `?scenario=mlp`) and waits for the graph. */
async function openAt(query = ''): Promise<Page> {
  const page = await pages.open();
  if (query) {
    await page.goto(`${pages.app().url}${query}`);
    await graphNodes(page).first().waitFor();
  }
  return page;
}

/** Takes `count` whole steps and returns the loss shown after the last. */
async function steps(page: Page, count: number): Promise<string> {
  const start = Number(await text(page, 'stat-step'));
  for (let k = 1; k <= count; k++) {
    await page.getByTestId('step').click();
    await expect.poll(() => text(page, 'stat-step')).toBe(String(start + k));
  }
  return text(page, 'stats-loss');
}

/** Waits until the page shows step `step`, and returns the loss shown then. */
async function lossAtStep(page: Page, step: number): Promise<string> {
  await expect.poll(() => text(page, 'stat-step'), { timeout: 15_000 }).toBe(String(step));
  return text(page, 'stats-loss');
}

/** Imports a weights file with `contents` through the file input. */
async function importWeights(page: Page, contents: string, name = 'weights.json'): Promise<void> {
  await page.getByTestId('import-weights').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(contents),
  });
}

/** Clicks "Export weights" and returns the downloaded file's name and text. */
async function exportWeights(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-weights').click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('shareable links', () => {
  it('a copied link opened in a new page shows the same loss at the same step', async () => {
    const page = await openAt('?scenario=mlp&seed=7&lr=0.3');
    expect(await page.getByTestId('scenario').inputValue()).toBe('mlp');
    const loss = await steps(page, 5);
    await page.getByTestId('copy-link').click();
    const link = (await page.getByTestId('copy-link').getAttribute('data-link')) ?? '';
    const params = new URL(link).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      scenario: 'mlp',
      seed: '7',
      lr: '0.3',
      step: '5',
    });
    await expect.poll(() => page.url()).toBe(link); // the address bar follows the store
    await screenshot(page, 'state-link-source');

    const copy = await openAt(new URL(link).search);
    expect(await copy.getByTestId('scenario').inputValue()).toBe('mlp');
    expect(await lossAtStep(copy, 5)).toBe(loss);
    await screenshot(copy, 'state-link-opened');

    const defaults = await openAt('?scenario=mlp');
    expect(await steps(defaults, 5)).not.toBe(loss); // the seed and rate were really applied
  });

  it('malformed parameters are named in a note; the rest of the link works', async () => {
    const page = await openAt('?scenario=mlp&lr=abc&foo=1&seed=-4&model=2-x-1&point=3');
    const note = page.getByTestId('url-note');
    await note.waitFor();
    const said = await note.textContent();
    expect(said).toContain('lr=abc (not a number)');
    expect(said).toContain('foo (unknown parameter)');
    expect(said).toMatch(/seed=-4 \(out of range/);
    expect(said).toMatch(/model=2-x-1 \(layer size "x" is not a whole number\)/);
    expect(await page.getByTestId('scenario').inputValue()).toBe('mlp');
    expect(await page.getByTestId('datapoint').inputValue()).toBe('3');
    expect(Number(await steps(page, 1))).toBeGreaterThan(0); // the page trains
    await screenshot(page, 'state-url-note');
    await page.getByTestId('url-note-dismiss').click();
    await expect.poll(() => note.count()).toBe(0);
    await expect.poll(() => new URL(page.url()).search).toBe('?scenario=mlp&point=3&step=1');
  });
});

describe('weights files', () => {
  it('a malformed file is refused with what is wrong, and the model is unchanged', async () => {
    const page = await openAt('?scenario=mlp');
    await importWeights(
      page,
      '{\n  "format": "arenagrad-weights",\n  "version": 1,,\n}',
      'bad.json',
    );
    const error = page.getByTestId('error');
    await expect.poll(() => error.textContent()).toMatch(/bad\.json.*not valid JSON at line 3/);
    const { text: good } = await exportWeights(page);
    const file = JSON.parse(good);
    file.layers[1].neurons.pop();
    file.layers[0].neurons[2].weights[1] = 'abc';
    await importWeights(page, JSON.stringify(file), 'shape.json');
    await expect
      .poll(() => error.textContent())
      .toContain('layer 2 has 15 neurons, the model has 16');
    expect(await error.textContent()).toContain('layer 1 neuron 3 weight 2 is "abc", not a number');
    await screenshot(page, 'state-weights-error');
    const loss = await steps(page, 1);
    const untouched = await openAt('?scenario=mlp');
    expect(await steps(untouched, 1)).toBe(loss);
  });

  it('an exported file, imported into a fresh page, gives the same next step', async () => {
    const source = await openAt('?scenario=mlp&seed=3');
    await steps(source, 3);
    const { name, text: file } = await exportWeights(source);
    expect(name).toBe('arenagrad-weights.json');
    expect(JSON.parse(file)).toMatchObject({ format: 'arenagrad-weights', version: 1, step: 3 });
    const expected = await steps(source, 1);

    const target = await openAt('?scenario=mlp&seed=3');
    await importWeights(target, file);
    expect(await steps(target, 1)).toBe(expected);
    expect(await target.getByTestId('error').count()).toBe(0);

    const guide = await openAt(); // the guide's neuron too
    await steps(guide, 2);
    const guideFile = (await exportWeights(guide)).text;
    const guideExpected = await steps(guide, 1);
    const fresh = await openAt();
    await importWeights(fresh, guideFile);
    expect(await steps(fresh, 1)).toBe(guideExpected);
  });
});

/** Picks `option` in the "Save picture…" menu and returns the downloaded file. */
async function savePicture(page: Page, option: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-image').selectOption(option),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

const SCREENSHOTS = join(import.meta.dirname, '../../test-output/screenshots');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('pictures', () => {
  it('saves the graph as SVG (styles inlined) and PNG', async () => {
    const page = await openAt();
    const svg = await savePicture(page, 'graph.svg');
    expect(svg.name).toBe('arenagrad-graph.svg');
    const markup = svg.bytes.toString('utf8');
    expect(markup).toMatch(/^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(markup).toContain('stroke:rgb(230, 159, 0)'); // the model arena's colour, inlined
    expect(markup).toContain('>w1<');
    const png = await savePicture(page, 'graph.png');
    expect(png.name).toBe('arenagrad-graph.png');
    expect(png.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.bytes.length).toBeGreaterThan(5_000);
  });

  it('saves the decision boundary as PNG and SVG; says so where there is none', async () => {
    const page = await openAt('?scenario=mlp');
    await page.getByTestId('boundary').waitFor();
    const png = await savePicture(page, 'boundary.png');
    expect(png.name).toBe('arenagrad-boundary.png');
    expect(png.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const svg = await savePicture(page, 'boundary.svg');
    expect(svg.bytes.toString('utf8')).toContain('<image href="data:image/png;base64,');
    await mkdir(SCREENSHOTS, { recursive: true });
    await writeFile(join(SCREENSHOTS, 'state-export-boundary.png'), png.bytes);
    await writeFile(
      join(SCREENSHOTS, 'state-export-graph.png'),
      (await savePicture(page, 'graph.png')).bytes,
    );

    const guide = await openAt();
    await guide.getByTestId('export-image').selectOption('boundary.png');
    await expect.poll(() => text(guide, 'error')).toMatch(/no decision boundary on screen/);
  });
});

describe('live editing', () => {
  it('a weight edited in the graph changes the next step’s loss', async () => {
    const page = await openAt();
    const before = await openAt();
    const unedited = await steps(before, 1);
    const w1 = graphNodes(page, '[data-arena="model"]').first();
    await w1.dblclick();
    const input = page.getByTestId('weight-input');
    await input.fill('abc');
    await input.press('Enter');
    expect(await text(page, 'weight-edit-message')).toBe('"abc" is not a number');
    await input.fill('1e999');
    await input.press('Enter');
    expect(await text(page, 'weight-edit-message')).toBe('1e999 is not finite');
    await input.fill('0.75');
    await screenshot(page, 'state-edit-graph');
    await input.press('Enter');
    await expect.poll(() => input.count()).toBe(0);
    expect(await w1.locator('.t2').textContent()).toContain('0.75');
    expect(await steps(page, 1)).not.toBe(unedited);
  });

  it('a weight edited in the memory inspector is used; not during a step', async () => {
    const page = await openAt();
    const reference = await openAt();
    const w2 = graphNodes(page, '[data-arena="model"]').nth(1);
    await page.getByTestId('step-phase').click(); // mark: a step is in progress
    await w2.dblclick();
    await expect.poll(() => text(page, 'error')).toMatch(/a step is in progress \(phase mark\)/);
    await page.getByTestId('step').click(); // finish it
    await steps(reference, 1);

    await w2.click(); // select: the record panel decodes it
    await page.mouse.move(2, 2); // no hover: the panel shows the selection
    const record = page.getByTestId('memory-record');
    await record.getByTestId('edit-value').click();
    await record.getByTestId('weight-input').fill('-2.5');
    await screenshot(page, 'state-edit-memory');
    await record.getByTestId('weight-input').press('Enter');
    await expect.poll(() => text(page, 'field-value')).toMatch(/^-2\.5/);
    expect(await steps(page, 1)).not.toBe(await steps(reference, 1));
  });
});
