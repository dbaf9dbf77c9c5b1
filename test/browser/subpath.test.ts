/**
 * The built app runs from a sub-path of a static server, as on a course site: dist/ served
 * under /course/arenagrad/ by a plain node HTTP server (nothing rewritten), opened on the MLP,
 * fast play (the training worker) advances the steps, every request stays under the sub-path
 * and nothing is logged as an error.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { buildApp, screenshot, VIEWPORT } from './harness';

const PREFIX = '/course/arenagrad/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** A static server for `root` under {@link PREFIX} only: anything else is a 404. */
function serveUnderPrefix(root: string): Server {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const inside = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : null;
    const file = inside === null ? null : normalize(join(root, inside || 'index.html'));
    if (
      !file ||
      !file.startsWith(root + sep) ||
      !existsSync(file) ||
      statSync(file).isDirectory()
    ) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
}

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const dist = await buildApp(); // the harness's build, reused while the sources are unchanged
  server = serveUnderPrefix(normalize(dist));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the build under a sub-path', () => {
  it('opens at /course/arenagrad/?scenario=mlp and trains in its worker', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    const outside: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    page.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith(PREFIX)) outside.push(r.url());
    });
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(`${origin}${PREFIX}?scenario=mlp`);
    await page.getByTestId('boundary').waitFor();
    await page.locator('[data-testid="graph-view"] [data-testid="graph-node"]').first().waitFor();
    const step = async () => Number(await page.getByTestId('stat-step').textContent());
    const before = await step();
    await page.getByTestId('speed').selectOption({ label: 'max (worker)' });
    await page.getByTestId('play').click();
    await expect.poll(step, { timeout: 30_000 }).toBeGreaterThan(before + 100);
    await page.getByTestId('play').click();
    await screenshot(page, 'subpath-mlp-trained');
    // The page kept its path: a copied link points back under the sub-path.
    expect(new URL(page.url()).pathname).toBe(PREFIX);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
