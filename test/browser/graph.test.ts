import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ExpressionError, KB, Memory, evaluateProgram, parseProgram } from '../../src/core';
import { screenshot, useAppPages } from './harness';

const { open } = useAppPages();

const nodes = (page: Page, selector = '') =>
  page.locator(`[data-testid="graph-view"] [data-testid="graph-node"]${selector}`);
const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
const modelValues = (page: Page) => nodes(page, '[data-arena="model"] .t2').allTextContents();

describe('graph view', () => {
  it('opens on the guide example with model and scratch nodes in two colours', async () => {
    const page = await open();
    expect(await page.getByTestId('scenario').inputValue()).toBe('guide');
    expect(await nodes(page, '[data-arena="model"]').count()).toBe(4); // w1 w2 w3 b
    expect(await nodes(page, '[data-arena="scratch"]').count()).toBeGreaterThan(10);
    const stroke = (arena: string) =>
      nodes(page, `[data-arena="${arena}"]`)
        .first()
        .locator('rect.box')
        .evaluate((el) => getComputedStyle(el).stroke);
    const [model, scratch] = [await stroke('model'), await stroke('scratch')];
    expect(model).toBe('rgb(230, 159, 0)');
    expect(scratch).toBe('rgb(0, 114, 178)');
    expect(await page.getByTestId('phase').textContent()).toBe('ready');
    await screenshot(page, 'guide-0-ready');
  });

  it('a training step changes the loss and the weights', async () => {
    const page = await open();
    const before = await modelValues(page);
    await page.getByTestId('step').click();
    const loss1 = Number(await text(page, 'stats-loss'));
    const after = await modelValues(page);
    expect(Number.isFinite(loss1)).toBe(true);
    expect(after).not.toEqual(before);
    await page.getByTestId('step').click();
    const loss2 = Number(await text(page, 'stats-loss'));
    expect(loss2).toBeLessThan(loss1);
    expect(await text(page, 'phase')).toBe('reset');
  });

  it('phase stepping walks mark → forward → loss → backward → update → reset', async () => {
    const page = await open();
    const seen: string[] = [];
    for (let k = 0; k < 6; k++) {
      await page.getByTestId('step-phase').click();
      const phase = await text(page, 'phase');
      seen.push(phase);
      // ↓ into backward plays the sweep node by node (10 nodes/s): let it reach the end.
      if (phase === 'backward')
        await expect
          .poll(() => nodes(page, '[data-visited="true"]').count(), { timeout: 10_000 })
          .toBe(18);
      await page.waitForTimeout(700); // let fades and the sweep replay finish before the picture
      await screenshot(page, `guide-${k + 1}-${phase}`);
    }
    expect(seen).toEqual(['mark', 'forward', 'loss', 'backward', 'update', 'reset']);
    expect(await nodes(page, '[data-arena="scratch"][data-state="live"]').count()).toBe(0);
  });

  it('backward visits the nodes in reverse allocation order', async () => {
    const page = await open();
    for (let k = 0; k < 3; k++) await page.getByTestId('step-phase').click();
    expect(await text(page, 'phase')).toBe('loss');
    const drawn = await nodes(page, '[data-arena="scratch"]').evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-tape-index'))),
    );
    const visited: number[] = [];
    for (let k = 0; k < drawn.length; k++) {
      await page.getByTestId('step-node').click();
      expect(await text(page, 'phase')).toBe('backward');
      visited.push(
        Number(await nodes(page, '[data-current="true"]').getAttribute('data-tape-index')),
      );
      if (k === 4) await screenshot(page, 'guide-backward-node');
    }
    expect(visited).toEqual([...drawn].sort((a, b) => b - a));
    expect(await page.getByTestId('chain-rule').textContent()).toContain('.grad');
  });

  it('the playground draws a typed program and points at an error', async () => {
    const page = await open();
    await page.getByTestId('scenario').selectOption('playground');
    const program = 'a = 2\nb = -3\nc = a*b + a\nd = tanh(c)';
    await page.getByTestId('expression').fill(program);
    const scratch = new Memory().addArena('scratch', KB(64));
    evaluateProgram(scratch, program);
    await expect.poll(() => nodes(page, '[data-arena="scratch"]').count()).toBe(scratch.tapeLength);
    expect(await nodes(page).locator('.t1').allTextContents()).toContain('tanh d');
    await screenshot(page, 'playground');

    const malformed = 'a = 2\nb = a * (3 +\nc = b';
    let expected: ExpressionError | null = null;
    try {
      parseProgram(malformed);
    } catch (error) {
      expected = error as ExpressionError;
    }
    expect(expected).toBeInstanceOf(ExpressionError);
    await page.getByTestId('expression').fill(malformed);
    const problem = page.getByTestId('expression-error');
    await problem.waitFor();
    expect(await problem.getAttribute('data-line')).toBe(String(expected!.line));
    expect(await problem.getAttribute('data-column')).toBe(String(expected!.column));
    expect(await problem.textContent()).toContain(expected!.reason);
    // The editor marks the spot too: the error is at the end of line 2, a point there.
    const point = page
      .locator('[data-testid="expression"] .cm-line')
      .nth(1)
      .locator('.cm-lintPoint-error');
    expect(await point.count()).toBe(1);
    expect(await nodes(page, '[data-arena="scratch"]').count()).toBe(scratch.tapeLength); // last good graph
    await screenshot(page, 'playground-error');
  });

  it('the MLP scenario draws one datapoint and trains the whole batch', async () => {
    const page = await open();
    await page.getByTestId('scenario').selectOption('mlp');
    await expect.poll(() => nodes(page, '[data-kind="neuron"]').count()).toBe(33);
    await page.getByTestId('step').click();
    const loss1 = Number(await text(page, 'stats-loss'));
    await page.getByTestId('step').click();
    expect(Number(await text(page, 'stats-loss'))).not.toBe(loss1);
    await page.getByTestId('datapoint').fill('7');
    await expect
      .poll(async () =>
        (await nodes(page).locator('.t1').allTextContents()).includes('relu loss #7'),
      )
      .toBe(true);
    await screenshot(page, 'mlp');
  });

  it('"Wide" gives the graph the whole width and back, and stepping goes on', async () => {
    const page = await open();
    const graph = page.getByTestId('graph-view');
    await graph.waitFor();
    const narrow = (await graph.boundingBox())!.width;
    await page.getByTestId('wide-graph').click();
    await expect.poll(async () => (await graph.boundingBox())!.width).toBeGreaterThan(narrow + 300);
    await expect(page.getByTestId('memory-view').isVisible()).resolves.toBe(false);
    await page.getByTestId('step').click();
    await expect.poll(() => page.getByTestId('stat-step').textContent()).toBe('1');
    await screenshot(page, 'graph-wide');
    await page.getByTestId('wide-graph').click();
    await expect(page.getByTestId('memory-view').isVisible()).resolves.toBe(true);
    await expect.poll(async () => (await graph.boundingBox())!.width).toBeLessThan(narrow + 1);
  });
});
