import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { reportMeasurement, screenshot, useAppPages } from './harness';

const { open } = useAppPages();

const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';
const nodes = (page: Page, selector = '') =>
  page.locator(`[data-testid="graph-view"] [data-testid="graph-node"]${selector}`);

/** What the user sees of the run: the graph's texts and states, the memory headers, the stats. */
async function screenNow(page: Page): Promise<string> {
  const graph = await page.getByTestId('graph-view').evaluate((svg) =>
    Array.from(svg.querySelectorAll('[data-testid="graph-node"]'))
      .map((n) => `${n.getAttribute('class')}:${n.textContent}`)
      .join('|'),
  );
  const memory = [await text(page, 'region-model'), await text(page, 'region-scratch')];
  return JSON.stringify({
    graph,
    memory,
    phase: await text(page, 'phase'),
    loss: await text(page, 'stats-loss'),
    chain: await text(page, 'chain-rule'),
  });
}

/** The screen once it has settled (two reads a frame apart agree). */
async function settled(page: Page): Promise<string> {
  let last = '';
  for (;;) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const now = await screenNow(page);
    if (now === last) return now;
    last = now;
  }
}

/** Leaves the keys to the page (no control focused). */
async function unfocus(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function openScenario(scenario: string): Promise<Page> {
  const page = await open();
  if (scenario !== 'guide') await page.getByTestId('scenario').selectOption(scenario);
  await nodes(page).first().waitFor();
  if (scenario === 'mlp') await page.getByTestId('speed').selectOption({ label: '10 nodes/s' });
  await unfocus(page);
  return page;
}

describe('stepping with understanding', () => {
  it('→ → ← gives the same screen as →', async () => {
    const page = await openScenario('guide');
    for (const key of ['ArrowDown', 'ArrowDown']) await page.keyboard.press(key); // mark, forward
    await page.keyboard.press('ArrowRight');
    const once = await settled(page);
    await page.keyboard.press('ArrowRight');
    expect(await settled(page)).not.toBe(once);
    await page.keyboard.press('ArrowLeft');
    expect(await settled(page)).toBe(once);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace');
    expect(await settled(page)).toBe(once);
  });

  for (const scenario of ['guide', 'playground', 'mlp']) {
    it(`${scenario}: the event slider scrubs back and forth to identical screens`, async () => {
      const page = await openScenario(scenario);
      await page.keyboard.press('ArrowRight'); // a step under way
      const slider = page.getByTestId('event-slider');
      const last = Number(await slider.getAttribute('max'));
      expect(last).toBeGreaterThan(5);
      const events = [0, 1, 2, Math.floor(last / 3), Math.floor(last / 2), last - 1, last];
      const seen: string[] = [];
      for (const k of events) {
        await slider.fill(String(k));
        await expect.poll(() => text(page, 'event-index')).toBe(`${k} / ${last}`);
        seen.push(await settled(page));
      }
      expect(new Set(seen).size).toBeGreaterThan(3);
      for (let i = events.length - 1; i >= 0; i--) {
        await slider.fill(String(events[i]));
        await expect.poll(() => text(page, 'event-index')).toBe(`${events[i]} / ${last}`);
        expect(await settled(page)).toBe(seen[i]);
      }
      await slider.fill(String(Math.floor(last / 2)));
      await screenshot(page, `stepping-slider-${scenario}`);
    });
  }

  it('↓ into backward marks nodes visited over time, Space pauses, ↓ skips to its end', async () => {
    const page = await openScenario('guide');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // mark, forward, loss
    expect(await text(page, 'phase')).toBe('loss');
    const live = await nodes(page, '[data-arena="scratch"][data-state="live"]').count();
    const visited = () => nodes(page, '[data-visited="true"]').count();
    const start = Date.now();
    await page.keyboard.press('ArrowDown');
    const counts: number[] = [];
    while (counts[counts.length - 1] !== live && Date.now() - start < 10_000) {
      counts.push(await visited());
      await page.waitForTimeout(100);
    }
    const took = Date.now() - start;
    reportMeasurement(
      `paced backward (guide, ${live} nodes at 10 nodes/s): all visited after ${took} ms`,
    );
    expect(counts[counts.length - 1]).toBe(live);
    expect(counts.filter((c) => c > 0 && c < live).length).toBeGreaterThan(2); // seen part-way
    expect(took).toBeGreaterThan(500);
    // Again, pausing part-way, then ↓ finishes the phase at once.
    await page.getByTestId('reset').click();
    await unfocus(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(350);
    await page.keyboard.press(' ');
    const paused = await visited();
    await page.waitForTimeout(400);
    expect(await visited()).toBe(paused);
    expect(paused).toBeLessThan(live);
    await screenshot(page, 'stepping-backward-paused');
    await page.keyboard.press('ArrowDown');
    await expect.poll(visited, { timeout: 3000 }).toBe(live);
    expect(await text(page, 'phase')).toBe('backward');
  });

  it('a record that feeds several shows its gradient as the sum, equal to the gradient shown', async () => {
    const page = await openScenario('playground');
    await page.getByTestId('expression').fill('w = 0.5\nsq = w*w\nout = tanh(sq + w*3)');
    await expect.poll(() => nodes(page).count()).toBe(6);
    await unfocus(page);
    await page.keyboard.press('ArrowDown'); // reset
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown'); // mark, forward
    const lines: string[] = [];
    for (
      let i = 0;
      i < 10 && !lines.some((l) => / still to come/.test(l) === false && / from /.test(l));
      i++
    ) {
      await page.keyboard.press('ArrowRight');
      lines.push(...(await text(page, 'chain-rule')).split('\n').filter((l) => / from /.test(l)));
    }
    const line = lines.find((l) => !/ still to come/.test(l));
    expect(line).toBeDefined();
    const [, name, terms, total] = /^(\S+)\.grad = (.+) = (\S+)/.exec(line!)!;
    expect(name).toBe('w');
    const parts = terms.split(' + ');
    expect(parts.length).toBe(3); // from the two sides of w*w and from w*3
    const sum = parts
      .map((t) => Number(t.split(' from ')[0].replace('−', '-')))
      .reduce((a, b) => a + b);
    const shown = Number(total.replace('−', '-'));
    expect(sum).toBeCloseTo(shown, 3);
    const w = nodes(page).filter({ has: page.locator('text.t1', { hasText: /^w$/ }) });
    // The node shows the same gradient, to its 3 significant digits.
    const onNode = Number(
      ((await w.locator('.t3').textContent()) ?? '').replace(/^g /, '').replace('−', '-'),
    );
    expect(onNode).toBe(Number(shown.toPrecision(3)));
    // The derivative of tanh(w² + 3w) at 0.5, by hand: (1 − tanh²(1.75)) · (2w + 3).
    expect(shown).toBeCloseTo((1 - Math.tanh(1.75) ** 2) * 4, 3);
    await screenshot(page, 'stepping-fan-in');
  });

  it('Stats shows no loss during forward, and the loss once the loss phase has run', async () => {
    const page = await openScenario('guide');
    expect(await text(page, 'stats-loss')).not.toMatch(/\d/);
    await page.keyboard.press('ArrowDown'); // mark
    await page.keyboard.press('ArrowDown'); // forward
    expect(await text(page, 'phase')).toBe('forward');
    expect(await text(page, 'stats-loss')).not.toMatch(/\d/);
    expect(await page.getByText('accuracy').count()).toBe(0); // one neuron regressing: no accuracy
    await page.keyboard.press('ArrowDown'); // loss
    await expect.poll(() => text(page, 'stats-loss')).toMatch(/^\d/);
  });

  it('in the MLP, Play trains moons to ≥ 97 % within 8 s, and a learning-rate change keeps the step', async () => {
    const page = await open();
    await page.getByTestId('scenario').selectOption('mlp');
    await page.getByTestId('boundary').waitFor();
    const start = Date.now();
    await page.getByTestId('play').click();
    const accuracy = async () => Number((await text(page, 'wb-accuracy')).replace('%', ''));
    await expect.poll(accuracy, { timeout: 8000, interval: 100 }).toBeGreaterThanOrEqual(97);
    reportMeasurement(`MLP Play on moons: ≥ 97 % after ${Date.now() - start} ms`);
    await page.getByTestId('play').click();
    await expect.poll(() => text(page, 'play')).toContain('Play');
    // The worker's last batch reaches the page after the pause: wait for the step to settle.
    let step = -1;
    for (let now = Number(await text(page, 'stat-step')); now !== step;) {
      step = now;
      await page.waitForTimeout(400);
      now = Number(await text(page, 'stat-step'));
    }
    expect(step).toBeGreaterThan(0);
    await page.getByTestId('learning-rate').fill('0.05');
    await page.getByTestId('learning-rate').press('Enter');
    await page.waitForTimeout(300);
    expect(Number(await text(page, 'stat-step'))).toBe(step);
    expect(await accuracy()).toBeGreaterThanOrEqual(97);
    await page.getByTestId('reset').click();
    await expect.poll(() => text(page, 'steps-per-second')).toBe('—');
  });

  it('the code pane follows the step: a line per phase, the op’s gradient line in backward', async () => {
    const page = await openScenario('guide');
    await showCode(page);
    const current = async () =>
      (await page.locator('[data-testid="code-pane"] [data-current="true"]').textContent()) ?? '';
    const byPhase: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowDown'); // mark, forward, loss
      byPhase.push(await current());
    }
    expect(byPhase[0]).toContain('scratch_arena.mark()');
    expect(new Set(byPhase).size).toBe(3);
    const expected: Record<string, string> = {
      '×': 'self->prev[0]->gradient += self->prev[1]->value * self->gradient;',
      '+': 'self->prev[0]->gradient += self->gradient;',
      '−': 'self->prev[0]->gradient += self->gradient;',
      '^': 'std::pow(self->prev[0]->value, n - 1)',
      relu: '(self->value > 0) ? self->gradient : 0',
      const: 'if (v->gradient_func) v->gradient_func(v);',
    };
    const seen = new Set<string>();
    for (let i = 0; i < 18; i++) {
      await page.keyboard.press('ArrowRight');
      const node = nodes(page, '[data-current="true"]');
      const title = (await node.locator('.t1').textContent()) ?? '';
      const symbol = title.split(' ')[0];
      const line = await current();
      expect(line, `${title} in backward`).toContain(expected[symbol] ?? expected.const);
      // The numbers of this node beside it (the node shows 3 significant digits, the line 4).
      const grad = Number(
        ((await node.locator('.t3').textContent()) ?? '').replace(/^g /, '').replace('−', '-'),
      );
      const shown = Number(line.match(/\.gradient = (\S+)/)?.[1].replace('−', '-'));
      expect(Number(shown.toPrecision(3))).toBe(grad);
      seen.add(symbol);
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'stepping-code-pane-backward');
    await page.keyboard.press('ArrowDown'); // update
    await expect.poll(current).toContain('p->value -= lr * p->gradient');
    await page.keyboard.press('ArrowDown'); // reset
    await expect.poll(current).toContain('checkpoint.end()');
  });

  it('the playground’s code pane marks the statement being evaluated', async () => {
    const page = await openScenario('playground');
    await showCode(page);
    await page.keyboard.press('ArrowDown'); // reset
    await page.keyboard.press('ArrowDown'); // mark
    const current = page.locator('[data-testid="code-pane"] [data-current="true"]');
    await page.keyboard.press('ArrowRight'); // x1 = 2
    await expect.poll(() => current.textContent()).toContain('x1 = 2');
    await page.keyboard.press('ArrowDown'); // the rest of forward: the last statement
    await expect.poll(() => current.textContent()).toContain('out = tanh(n)');
    await page.keyboard.press('ArrowRight'); // backward starts at the output
    await expect.poll(() => current.textContent()).toContain('out = tanh(n)');
    await screenshot(page, 'stepping-code-pane-playground');
  });

  it('screens at 1280×800 and 1600×1000', async () => {
    const page = await openScenario('guide');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await screenshot(page, 'stepping-guide-1280');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await screenshot(page, 'stepping-guide-1600');
    for (const scenario of ['playground', 'mlp']) {
      await page.getByTestId('scenario').selectOption(scenario);
      await nodes(page).first().waitFor();
      await unfocus(page);
      if (scenario === 'mlp') await page.getByTestId('speed').selectOption({ label: '10 nodes/s' });
      await unfocus(page);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await screenshot(page, `stepping-${scenario}-1600`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await screenshot(page, `stepping-${scenario}-1280`);
      await page.setViewportSize({ width: 1600, height: 1000 });
    }
  });
});

/** Shows the code pane (at 1280×800 it starts hidden, so the graph stays legible). */
async function showCode(page: Page): Promise<void> {
  if ((await page.getByTestId('code-pane').count()) === 0)
    await page.getByTestId('code-toggle').click();
  await page.getByTestId('code-pane').waitFor();
}
