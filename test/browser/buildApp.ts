/**
 * The app's build for the browser tests: where it goes and when it is remade. Built once per
 * run by the browser project's global setup (`globalSetup.ts`), before test files start in
 * parallel; `openApp()` calls it again, which only checks the stamp.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The checkout's root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Where the build and the screenshots go: `test-output/`, or `$ARENAGRAD_TEST_OUTPUT` so that
 * two runs on one machine (two working copies, two engineers) do not build over each other.
 */
export const OUTPUT = process.env.ARENAGRAD_TEST_OUTPUT ?? join(ROOT, 'test-output');
/** The built app. */
export const OUT_DIR = join(OUTPUT, 'dist');
const STAMP = join(OUT_DIR, '.sources-stamp');

/** A stamp of every input of the build: paths, sizes and modification times. */
function sourcesStamp(): string {
  const hash = createHash('sha256');
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const entry of ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'])
    walk(join(ROOT, entry));
  return hash.digest('hex');
}

/** Builds the app into test-output/dist unless the same sources were built already. */
export async function buildApp(): Promise<string> {
  const stamp = sourcesStamp();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return OUT_DIR;
  await build({ root: ROOT, logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
  writeFileSync(STAMP, stamp);
  return OUT_DIR;
}
