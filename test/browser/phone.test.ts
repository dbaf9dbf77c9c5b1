/**
 * A phone (390×844) and tablets (768×1024, 1024×768), by touch: nothing cut off and every control
 * finger-sized in every scenario and panel; text at 14 px or more on the phone; the graph inside
 * the window, fitted, zoomed and panned by two fingers; Step and a tap on a node by touch; the
 * tour and the glossary by taps; axe clean at both sizes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';
import {
  LANDSCAPE,
  PHONE,
  TABLET,
  axeViolations,
  cutOff,
  inWindow,
  panelNames,
  showPanel,
  smallTargets,
  useTouchPages,
} from './phoneHelpers';

const { open } = useTouchPages();
const SCENARIOS = ['guide', 'playground', 'mlp', 'compare'];
const sizeName = (v: { width: number; height: number }) => `${v.width}x${v.height}`;

/** DOM texts under `min` px on screen, but for the graph's (it zooms) and canvases'. */
function smallTexts(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest('.sr-only, [data-testid="graph-view"]'))
        continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const matrix = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
      const px =
        parseFloat(getComputedStyle(el).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1);
      if (px < min - 0.01) found.push(`${px.toFixed(1)}px "${n.textContent.trim().slice(0, 30)}"`);
    }
    return found;
  }, min);
}

/** Everything the screen shows now: nothing cut off, no control too small, no page overflow. */
async function checkScreen(page: Page, where: string, textMin: number | null): Promise<void> {
  expect(await cutOff(page), `${where}: cut off`).toEqual([]);
  expect(await smallTargets(page), `${where}: under 44×44`).toEqual([]);
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: innerWidth,
  }));
  expect(scrollWidth, `${where}: page scroll width`).toBeLessThanOrEqual(width);
  if (textMin !== null) expect(await smallTexts(page, textMin), `${where}: small text`).toEqual([]);
}

/** The text of every node of the graph, in order: what the graph shows. */
const graphText = (page: Page) =>
  page
    .locator('[data-testid="graph-node"]')
    .evaluateAll((nodes) => nodes.map((n) => n.textContent).join('|'));

describe('every scenario and panel by touch: nothing cut off, every control ≥ 44×44 px', () => {
  for (const viewport of [PHONE, TABLET, LANDSCAPE])
    for (const scenario of SCENARIOS)
      it(`${sizeName(viewport)} ${scenario}`, async () => {
        const page = await open(viewport, `?scenario=${scenario}`);
        const textMin = viewport === PHONE ? 14 : null;
        const tabs = await page.getByTestId('panel-tabs').count();
        if (tabs === 0) {
          await checkScreen(page, scenario, textMin);
          await screenshot(page, `phone-${sizeName(viewport)}-${scenario}`);
          return;
        }
        for (const name of await panelNames(page)) {
          await showPanel(page, name);
          await page.waitForTimeout(200);
          await checkScreen(page, `${scenario}, ${name}`, textMin);
          await screenshot(
            page,
            `phone-${sizeName(viewport)}-${scenario}-${name.replace(/ /g, '-')}`,
          );
        }
        await page.getByTestId('narrow-more').tap();
        await checkScreen(page, `${scenario}, More`, textMin);
      });
});

describe('the graph by touch', () => {
  for (const viewport of [PHONE, TABLET])
    it(`${sizeName(viewport)}: inside the window and fitted; Step changes it`, async () => {
      const page = await open(viewport);
      const svg = (await page.getByTestId('graph-view').boundingBox())!;
      expect(inWindow(page, svg)).toBe(true);
      expect(svg.height).toBeGreaterThan(200);
      // Fitted: every node inside the svg, the drawing as wide (or as tall) as the svg allows.
      const nodes = await page.locator('[data-testid="graph-node"]').evaluateAll((els) => {
        const boxes = els.map((e) => e.getBoundingClientRect());
        const left = Math.min(...boxes.map((b) => b.left));
        const top = Math.min(...boxes.map((b) => b.top));
        const right = Math.max(...boxes.map((b) => b.right));
        const bottom = Math.max(...boxes.map((b) => b.bottom));
        return { x: left, y: top, width: right - left, height: bottom - top };
      });
      expect(nodes.x).toBeGreaterThanOrEqual(svg.x);
      expect(nodes.x + nodes.width).toBeLessThanOrEqual(svg.x + svg.width);
      expect(nodes.y).toBeGreaterThanOrEqual(svg.y);
      expect(nodes.y + nodes.height).toBeLessThanOrEqual(svg.y + svg.height);
      expect(Math.max(nodes.width / svg.width, nodes.height / svg.height)).toBeGreaterThan(0.75);

      const before = await graphText(page);
      await page.getByTestId('step').tap();
      await expect.poll(() => graphText(page)).not.toBe(before);
      // On the phone the stats are on the Memory tab (off screen, React renders them when shown).
      if (viewport === PHONE) await showPanel(page, 'Memory');
      expect(await page.getByTestId('stat-step').textContent()).toBe('1');
      await screenshot(page, `phone-${sizeName(viewport)}-after-step`);
    });

  for (const viewport of [PHONE, TABLET])
    it(`${sizeName(viewport)}: a tap on a node shows its record, decoded`, async () => {
      const page = await open(viewport);
      await page.getByTestId('step-phase').tap(); // mark
      await page.getByTestId('step-phase').tap(); // forward: scratch records exist
      const node = page.locator('[data-testid="graph-node"][data-arena="scratch"]').nth(3);
      const address = await node.getAttribute('data-address');
      await node.tap();
      const record = page.getByTestId('memory-record');
      await expect.poll(() => record.getAttribute('data-address')).toBe(address);
      if (viewport === PHONE) {
        const memory = page.getByTestId('panel-tabs').getByRole('button', { name: 'Memory' });
        expect(await memory.getAttribute('aria-pressed')).toBe('true');
      }
      await page.waitForTimeout(300); // scrolled into view after the next paint
      expect(inWindow(page, (await record.boundingBox())!)).toBe(true);
      expect(await record.getByTestId('field-value').isVisible()).toBe(true);
      await screenshot(page, `phone-${sizeName(viewport)}-node-tapped`);
    });

  it('390x844: panels off screen wait (React Activity); shown again, current, their zoom kept', async () => {
    const page = await open(PHONE);
    await showPanel(page, 'Memory');
    const zoom = page.getByTestId('memory-zoom');
    for (let k = 0; k < 2; k++) {
      const was = await zoom.textContent();
      await page.getByTestId('memory-zoom-in').tap();
      await expect.poll(() => zoom.textContent()).not.toBe(was); // drawn at the new zoom
    }
    const zoomed = await zoom.textContent();
    await showPanel(page, 'Graph');
    // Off screen the memory and stats are hidden by React's Activity: not re-rendered with the
    // steps (React keeps their state and renders them when their tab comes back).
    const hiddenByActivity = () =>
      page.locator('.side-memory').evaluate((el) => (el as HTMLElement).style.display);
    expect(await hiddenByActivity()).toBe('none');
    for (let k = 0; k < 6; k++) await page.getByTestId('step-node').first().tap();
    await showPanel(page, 'Memory');
    expect(await hiddenByActivity()).toBe('');
    await expect.poll(() => zoom.textContent()).toBe(zoomed); // the renderer's zoom kept
    // Current again: the region's header says the bytes the graph's revealed records use.
    const used = await page.getByTestId('region-scratch').textContent();
    expect(used).toMatch(/used [1-9]/);
    await screenshot(page, 'phone-390x844-memory-after-steps');
  });

  it("390x844: a link's presenter=1 opens the phone's layout (no presenter mode there)", async () => {
    const page = await open(PHONE, '?presenter=1');
    await expect.poll(() => page.locator('.app.presenter').count()).toBe(0);
    expect(await page.locator('.app.narrow').count()).toBe(1);
    expect(await page.locator('.graph-svg.no-text').count()).toBe(0); // its node texts drawn
    expect(await page.getByTestId('step').isVisible()).toBe(true);
  });

  it('390x844: two fingers zoom and pan the graph', async () => {
    const page = await open(PHONE);
    const svg = (await page.getByTestId('graph-view').boundingBox())!;
    const transform = () =>
      page.locator('[data-testid="graph-view"] > g.viewport').evaluate((g) => {
        const t = (g as SVGGElement).transform.baseVal.consolidate()!.matrix;
        return { k: t.a, x: t.e, y: t.f };
      });
    const cdp = await page.context().newCDPSession(page);
    const cx = svg.x + svg.width / 2;
    const cy = svg.y + svg.height / 2;
    const touch = async (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: [number, number][],
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    const gesture = async (from: [number, number][], to: [number, number][]) => {
      await touch('touchStart', from);
      for (let s = 1; s <= 8; s++)
        await touch(
          'touchMove',
          from.map(([x, y], i) => [x + ((to[i][0] - x) * s) / 8, y + ((to[i][1] - y) * s) / 8]),
        );
      await touch('touchEnd', []);
    };
    const start = await transform();
    await gesture(
      [
        [cx - 30, cy],
        [cx + 30, cy],
      ],
      [
        [cx - 90, cy],
        [cx + 90, cy],
      ],
    );
    const zoomed = await transform();
    expect(zoomed.k / start.k).toBeGreaterThan(2.5);
    await gesture(
      [
        [cx - 40, cy],
        [cx + 40, cy],
      ],
      [
        [cx - 40, cy + 60],
        [cx + 40, cy + 60],
      ],
    );
    const panned = await transform();
    expect(panned.k).toBeCloseTo(zoomed.k, 3);
    expect(panned.y - zoomed.y).toBeGreaterThan(50);
    await screenshot(page, 'phone-390x844-zoomed');
    // Steps change the caption's length and a phone's toolbar comes and goes: the graph's box
    // changes size, and the view the fingers chose stays.
    const box = () => page.getByTestId('graph-view').evaluate((el) => el.clientHeight);
    const height = await box();
    for (let k = 0; k < 3; k++) await page.getByTestId('step-phase').tap();
    await page.setViewportSize({ width: PHONE.width, height: PHONE.height - 60 });
    await expect.poll(box).toBeLessThan(height);
    await page.waitForTimeout(300);
    const after = await transform();
    expect(after.k).toBeCloseTo(panned.k, 3);
    expect(after.x).toBeCloseTo(panned.x, 1);
    expect(after.y).toBeCloseTo(panned.y, 1);
  });
});

describe('the tour and the glossary by taps (390×844)', () => {
  it('walks every chapter by taps, each on the panel it is about', async () => {
    const page = await open(PHONE);
    await page.getByTestId('tour').tap();
    const panel = page.getByTestId('tour-panel');
    const pressed = () =>
      page.getByTestId('panel-tabs').locator('button[aria-pressed="true"]').textContent();
    const shown: Record<number, string> = { 3: 'Memory', 8: 'Before vs after', 9: 'Workbench' };
    for (let chapter = 1; chapter <= 9; chapter++) {
      expect(await panel.getAttribute('data-chapter')).toBe(String(chapter));
      await page.getByTestId('tour-next').tap(); // the chapter's action
      if (shown[chapter]) await expect.poll(pressed, { timeout: 5000 }).toBe(shown[chapter]);
      expect(inWindow(page, (await panel.boundingBox())!)).toBe(true);
      expect(await cutOff(page), `chapter ${chapter}`).toEqual([]);
      expect(await smallTargets(page), `chapter ${chapter}`).toEqual([]);
      await screenshot(page, `phone-tour-${chapter}`);
      if (chapter < 9) await page.getByTestId('tour-next').tap(); // on to the next chapter
    }
    expect(await page.getByTestId('memory-record').count()).toBe(1);
    await page.getByTestId('tour-prev').tap();
    expect(await panel.getAttribute('data-chapter')).toBe('8');
    await panel.getByRole('button', { name: /close the tour/ }).tap();
    expect(await panel.count()).toBe(0);
    expect(await page.getByTestId('step').isVisible()).toBe(true);
    expect(await page.getByTestId('caption').isVisible()).toBe(true);
  });

  it("a term's definition opens on a tap and closes on a tap outside", async () => {
    const page = await open(PHONE);
    for (const k of [0, 1]) {
      const term = page.locator('.caption [data-term]').nth(k);
      const tip = term.locator('.term-tip');
      expect(await tip.isVisible()).toBe(false);
      await term.tap();
      expect(await tip.isVisible()).toBe(true);
      expect(inWindow(page, (await tip.boundingBox())!)).toBe(true);
      await screenshot(page, `phone-term-${k}`);
      await page.locator('.title').tap(); // outside: the title is no control
      expect(await tip.isVisible()).toBe(false);
    }
  });
});

describe('accessibility by touch (axe-core): no serious or critical violations', () => {
  it('390x844: every panel of the guide, a decoded record, More; Before vs after', async () => {
    const page = await open(PHONE);
    for (const name of ['Graph', 'Memory', 'Code']) {
      await showPanel(page, name);
      expect(await axeViolations(page), name).toEqual([]);
    }
    // The memory map's canvas draws its labels at the phone's 14 px too.
    await showPanel(page, 'Memory');
    const canvasText = () =>
      page
        .getByTestId('memory-view')
        .evaluate((el) => Number((el as HTMLElement).dataset.smallestTextPx || NaN));
    await expect.poll(canvasText).toBeGreaterThanOrEqual(14);
    await showPanel(page, 'Graph');
    await page.locator('[data-testid="graph-node"][data-arena="model"]').first().tap();
    await page.getByTestId('memory-record').getByTestId('field-value').waitFor();
    expect(await axeViolations(page), 'record').toEqual([]);
    await page.getByTestId('narrow-more').tap();
    expect(await axeViolations(page), 'More').toEqual([]);
    const compare = await open(PHONE, '?scenario=compare');
    expect(await axeViolations(compare), 'Before vs after').toEqual([]);
  });

  it('768x1024: the guide in two columns; the workbench as a panel', async () => {
    const page = await open(TABLET);
    expect(await page.getByTestId('panel-tabs').count()).toBe(0); // two columns fit
    expect(await axeViolations(page)).toEqual([]);
    const mlp = await open(TABLET, '?scenario=mlp');
    await showPanel(mlp, 'Workbench');
    expect(await axeViolations(mlp), 'workbench').toEqual([]);
  });
});
