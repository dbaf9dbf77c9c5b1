#!/usr/bin/env node
/**
 * Makes sure a Chromium for the browser tests exists, and never skips silently:
 * - found (/usr/bin/chromium or `chromium` on PATH): exit 0;
 * - missing, running as root with apt-get: installs Debian's `chromium` (output shown), checks it;
 * - missing otherwise: prints one line saying how to install it and exits 1.
 * Playwright's own browser download is never used.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const INSTALL_HINT =
  'Chromium is missing for the browser tests: install it with `sudo apt-get install -y chromium` and run npm test again.';

/** Path of an executable chromium, or null. */
function findChromium() {
  const candidates = ['/usr/bin/chromium'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir) candidates.push(join(dir, 'chromium'));
  }
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here: try the next one
    }
  }
  return null;
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function main() {
  if (findChromium()) return 0;
  if (!isRoot() || !hasAptGet()) {
    console.error(INSTALL_HINT);
    return 1;
  }
  console.error(
    'Chromium not found: installing Debian chromium with apt-get (needed by the browser tests)...',
  );
  try {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(`apt-get could not install chromium. ${INSTALL_HINT}`);
    return 1;
  }
  const found = findChromium();
  if (!found) {
    console.error(`apt-get ran but no chromium executable appeared. ${INSTALL_HINT}`);
    return 1;
  }
  console.error(`Chromium installed at ${found}.`);
  return 0;
}

process.exit(main());
