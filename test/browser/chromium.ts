/**
 * Where the system Chromium is and the flags it runs with: shared by the browser tests'
 * harness and the benchmarks that drive Chromium (bench/browserStep.ts). No test framework here.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium flags: headless, no sandbox (containers), nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of the system Chromium (run `node scripts/ensure-chromium.mjs` first). */
export function chromiumPath(): string {
  const candidates = [
    '/usr/bin/chromium',
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, 'chromium')),
  ];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error(
    'Chromium not found: run `node scripts/ensure-chromium.mjs` (or `sudo apt-get install -y chromium`).',
  );
}
