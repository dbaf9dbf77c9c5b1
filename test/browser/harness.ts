/**
 * Real-browser test harness: builds the app with vite (once; reused while the sources are
 * unchanged), serves it with `vite preview` on a free port of 127.0.0.1, and drives Debian's
 * Chromium through playwright-core with a fresh profile. Console errors and page errors are
 * collected so tests can assert there are none. Share one `openApp()` per test file.
 *
 * ```ts
 * let app: BrowserApp;
 * beforeAll(async () => (app = await openApp()));
 * afterAll(() => app.close());
 * it('loads', async () => {
 *   const { page, errors } = await app.newPage();
 *   await page.getByTestId('graph-view').waitFor();
 *   expect(errors).toEqual([]);
 * });
 * ```
 */
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { buildApp, OUT_DIR, OUTPUT, ROOT } from './buildApp';

export { buildApp };

const SCREENSHOTS = join(OUTPUT, 'screenshots');

/** The viewport every test uses: a classroom projector. */
export const VIEWPORT = { width: 1280, height: 800 };

/** A page of the app, with what it logged as errors. */
export interface AppPage {
  readonly page: Page;
  /** Console errors and uncaught page errors, in order. */
  readonly errors: string[];
}

/** The built app, served, with one browser for the test file. */
export interface BrowserApp {
  readonly url: string;
  readonly context: BrowserContext;
  /**
   * Opens the app (with `query`, e.g. `?scenario=mlp`) in a new tab; waits for the graph. The
   * first-visit "Start here" panel counts as dismissed unless `firstVisit` is set.
   */
  newPage(query?: string, options?: { firstVisit?: boolean }): Promise<AppPage>;
  close(): Promise<void>;
}

/** Builds (if needed), serves and opens a browser. */
export async function openApp(): Promise<BrowserApp> {
  await buildApp();
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}/`;
  const profile = await mkdtemp(join(tmpdir(), 'arenagrad-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: VIEWPORT,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url,
    context,
    async newPage(query = '', { firstVisit = false } = {}) {
      const page = await context.newPage();
      await page.addInitScript((first) => {
        const key = 'arenagrad.startHere.dismissed';
        if (!first) localStorage.setItem(key, '1');
        else if (sessionStorage.getItem('first-visit') === null) {
          // A first visit in this tab: forget what earlier pages remembered, once (a reload
          // of the same tab is a second visit).
          localStorage.removeItem(key);
          sessionStorage.setItem('first-visit', '1');
        }
      }, firstVisit);
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
      await page.goto(`${url}${query}`);
      await page.locator('[data-testid="graph-view"] [data-testid="graph-node"]').first().waitFor();
      return { page, errors };
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of `page` as test-output/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Prints a measurement and appends it to `test-output/measurements.log`. Browser tests report
 * speed rather than assert it: a shared machine is no benchmark.
 */
export function reportMeasurement(line: string): void {
  console.log(line);
  mkdirSync(OUTPUT, { recursive: true });
  appendFileSync(join(OUTPUT, 'measurements.log'), `${new Date().toISOString()} ${line}\n`);
}

/**
 * The usual shape of a browser test file: one app for the file, fresh pages per test, and after
 * each test every page it opened is checked for console errors and closed. Call at the top level
 * of the file; `open()` gives a new page on the app's first screen (`open('?scenario=mlp')`: a link's).
 */
export function useAppPages(): {
  open: (query?: string, options?: { firstVisit?: boolean }) => Promise<Page>;
  app: () => BrowserApp;
} {
  let app: BrowserApp | null = null;
  let pages: AppPage[] = [];
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async () => {
    for (const { page, errors } of pages) {
      expect(errors).toEqual([]);
      await page.close();
    }
    pages = [];
  });
  return {
    app: () => app!,
    open: async (query?: string, options?: { firstVisit?: boolean }) => {
      const opened = await app!.newPage(query, options);
      pages.push(opened);
      return opened.page;
    },
  };
}

/**
 * Starts recording the page's frame intervals (requestAnimationFrame to requestAnimationFrame,
 * in ms); `takeFrameIntervals` returns them, sorted, without the first five (start-up).
 */
export async function recordFrameIntervals(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[] };
    w.frames_ = [];
    let last = performance.now();
    const tick = (now: number) => {
      w.frames_.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** The frame intervals recorded so far (sorted, the first five dropped); clears the record. */
export async function takeFrameIntervals(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { frames_: number[] };
    const kept = w.frames_.slice(5);
    w.frames_ = [];
    return kept.sort((a, b) => a - b);
  });
}
