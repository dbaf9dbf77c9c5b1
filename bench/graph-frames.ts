/**
 * Measures the graph view in headless Chromium. Not a test: it prints numbers and cannot fail
 * on a slow machine. Run: `npx tsx bench/graph-frames.ts`.
 * - One MLP training step + redraw: the click's synchronous work (engine step, DOM updates,
 *   React) and the browser's rendering of that frame (style, layout, paint), collapsed and
 *   with every layer expanded (about 1,000 drawn nodes).
 * - Frame times from requestAnimationFrame on the expanded MLP graph: backward playing node by
 *   node at three speeds (zoomed out, and zoomed in with texts shown), forward revealing node by
 *   node, the sweep replay after a whole backward phase, the update and the reset.
 * Page scripts are passed as strings: the TS loader's helpers do not exist in the page.
 */
import type { Page } from 'playwright-core';
import { openApp } from '../test/browser/harness';

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `n=${s.length} median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
};

/** For each of `count` clicks on Step: [sync JS, rendering of the next frame] in ms. */
async function stepTimes(
  page: Page,
  count: number,
): Promise<{ sync: number[]; render: number[]; total: number[] }> {
  return page.evaluate(`(async () => {
    const button = document.querySelector('[data-testid="step"]');
    const afterFrame = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const sync = [], render = [], total = [];
    for (let k = 0; k < ${count}; k++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      button.click();
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(r));
      const t2 = performance.now();
      await afterFrame();
      const t3 = performance.now();
      sync.push(t1 - t0); render.push(t3 - t2); total.push(t1 - t0 + t3 - t2);
    }
    return { sync, render, total };
  })()`);
}

/** requestAnimationFrame deltas over `ms` milliseconds. */
async function frameDeltas(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = -1;
    const start = performance.now();
    const tick = (now) => {
      if (last >= 0) deltas.push(now - last);
      last = now;
      if (now - start < ${ms}) requestAnimationFrame(tick); else resolve(deltas);
    };
    requestAnimationFrame(tick);
  })`);
}

/** Plays at speed option `speed` for `ms` milliseconds; returns the frame deltas meanwhile. */
async function playFor(page: Page, speed: string, ms: number): Promise<number[]> {
  await page.getByTestId('speed').selectOption(speed);
  await page.getByTestId('play').click();
  const deltas = await frameDeltas(page, ms);
  await page.getByTestId('play').click();
  return deltas;
}

async function reportSteps(page: Page, label: string): Promise<void> {
  await stepTimes(page, 3); // warm up
  const t = await stepTimes(page, 20);
  console.log(
    `${label}\n  sync (step + DOM + React): ${summary(t.sync)}\n  rendering of the frame:    ${summary(t.render)}\n  total work:                ${summary(t.total)}`,
  );
}

async function main(): Promise<void> {
  const app = await openApp();
  try {
    const { page, errors } = await app.newPage();
    await page.getByTestId('scenario').selectOption('mlp');
    await page.locator('[data-kind="neuron"]').first().waitFor();
    const drawnCollapsed = await page.locator('[data-testid="graph-node"]').count();
    await reportSteps(
      page,
      `MLP training step + redraw, layers collapsed (${drawnCollapsed} nodes drawn)`,
    );
    for (const layer of [1, 2, 3]) await page.getByTestId(`layer-${layer}`).click();
    const drawn = await page.locator('[data-testid="graph-node"]').count();
    await reportSteps(page, `MLP training step + redraw, layers expanded (${drawn} nodes drawn)`);

    const label = (what: string) => `rAF frame times, ${what} on ${drawn} nodes:`;
    for (let k = 0; k < 3; k++) await page.getByTestId('step-phase').click(); // mark, forward, loss
    console.log(label('backward playing at 150 nodes/s'), summary(await playFor(page, '4', 4000)));
    console.log(label('backward playing at 40 nodes/s'), summary(await playFor(page, '3', 3000)));
    console.log(label('backward playing at 10 nodes/s'), summary(await playFor(page, '2', 3000)));

    await page.getByTestId('reset').click();
    await page.getByTestId('step-phase').click(); // mark: forward then reveals node by node
    console.log(label('forward reveal at 150 nodes/s'), summary(await playFor(page, '4', 3000)));

    await page.getByTestId('reset').click();
    for (let k = 0; k < 3; k++) await page.getByTestId('step-phase').click();
    await page.getByTestId('step-phase').click();
    console.log(label('backward sweep replay'), summary(await frameDeltas(page, 1500)));
    await page.getByTestId('step-phase').click(); // update
    console.log(label('update'), summary(await frameDeltas(page, 1000)));
    await page.getByTestId('step-phase').click(); // reset (fade)
    console.log(label('reset fade'), summary(await frameDeltas(page, 1000)));

    await page.getByTestId('reset').click();
    for (let k = 0; k < 3; k++) await page.getByTestId('step-phase').click();
    const view = (await page.getByTestId('graph-view').boundingBox())!;
    await page.mouse.move(view.x + view.width * 0.85, view.y + view.height * 0.4);
    for (let k = 0; k < 8; k++) await page.mouse.wheel(0, -200);
    await page.mouse.move(view.x + 2, view.y + 2);
    console.log(
      label('zoomed in (texts shown), backward at 150 nodes/s'),
      summary(await playFor(page, '4', 3000)),
    );
    if (errors.length > 0) console.log('page errors:', errors);
  } finally {
    await app.close();
  }
}

await main();
