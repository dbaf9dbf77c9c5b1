/**
 * Phones and tablets for the browser tests: the built app served once, one Chromium, and pages
 * in touch contexts (`hasTouch`, `isMobile`) at a phone's or a tablet's size. The harness's own
 * context has the projector's viewport, so these make their own. Also the checks a touch screen
 * needs: what sticks out of the screen, and which controls are too small for a finger.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { buildApp } from './harness';

/** A common phone, a portrait tablet, a landscape tablet. */
export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 768, height: 1024 };
export const LANDSCAPE = { width: 1024, height: 768 };

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A page in its own touch context, with the errors it logged. */
interface TouchPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly errors: string[];
}

/**
 * One served app and one browser for the test file; `open(viewport, query)` gives a page on a
 * touch screen of that size, checked for console errors and closed after each test.
 */
export function useTouchPages(): {
  open: (viewport: { width: number; height: number }, query?: string) => Promise<Page>;
} {
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  let url = '';
  let pages: TouchPage[] = [];
  beforeAll(async () => {
    const outDir = await buildApp();
    server = await preview({
      root: ROOT,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const { context, errors } of pages) {
      expect(errors).toEqual([]);
      await context.close();
    }
    pages = [];
  });
  return {
    open: async (viewport, query = '') => {
      const context = await browser!.newContext({ viewport, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.addInitScript(() => localStorage.setItem('arenagrad.startHere.dismissed', '1'));
      const errors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      pages.push({ page, context, errors });
      await page.goto(`${url}${query}`);
      await page.locator('[data-testid="graph-node"]').first().waitFor({ state: 'attached' });
      return page;
    },
  };
}

/**
 * Elements cut off: sticking out of the window, or out of an ancestor that clips them without
 * a scroll bar (a panel with `overflow: hidden`). The page's own scroll width is no test here:
 * the page never scrolls (its body hides overflow), so what sticks out is simply lost.
 */
export function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}` +
      `[${el.getAttribute('data-testid') ?? (el.textContent ?? '').trim().slice(0, 20)}]`;
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, canvas, .cm-scroller, .sr-only, dialog:not([open])')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      let clip = { left: 0, right: innerWidth };
      let scrolls = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if (x === 'visible') continue;
        if (x === 'auto' || x === 'scroll') scrolls = true;
        else clip = a.getBoundingClientRect();
        break;
      }
      if (scrolls) continue;
      const over = Math.max(
        r.right - Math.min(clip.right, innerWidth),
        Math.max(clip.left, 0) - r.left,
      );
      if (over > 1) found.push(`${name(el)} by ${over.toFixed(0)} px`);
    }
    return found;
  });
}

/**
 * Visible controls smaller than a finger's 44×44 px: buttons, selects, fields and sliders, and
 * the label of each checkbox. Left out: a link in a sentence (WCAG 2.5.8's inline exception) and
 * the graph's nodes (the graph zooms).
 */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const controls = document.querySelectorAll(
      'button, select, input:not([type="checkbox"], [type="radio"], [type="file"]), summary',
    );
    const targets = [...controls].filter((el) => !el.matches(':is(p, li) .link-button, .sr-only'));
    for (const box of document.querySelectorAll('input[type="checkbox"]')) {
      const label = box.closest('label');
      if (label) targets.push(label);
    }
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.width < 43.5 || r.height < 43.5)
        found.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 24)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
        );
    }
    return found;
  });
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page now, as short lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Taps the panel tab named `name` and waits until it is the one pressed. */
export async function showPanel(page: Page, name: string): Promise<void> {
  const tab = page.getByTestId('panel-tabs').getByRole('button', { name, exact: true });
  await tab.tap();
  await expect.poll(() => tab.getAttribute('aria-pressed')).toBe('true');
}

/** The names of the panel tabs on screen. */
export function panelNames(page: Page): Promise<string[]> {
  return page.getByTestId('panel-tabs').getByRole('button').allTextContents();
}

/** Whether `box` lies inside the window. */
export function inWindow(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
): boolean {
  const size = page.viewportSize()!;
  return (
    box.x >= -0.5 &&
    box.y >= -0.5 &&
    box.x + box.width <= size.width + 0.5 &&
    box.y + box.height <= size.height + 0.5
  );
}
