#!/usr/bin/env node
// Runs a TypeScript entry point as one bundled ES module, so that the engine's small functions
// are inlined by V8 exactly as in the browser build (module loaders that turn imports into
// getters, as tsx's CommonJS path does, make the arena engine several times slower).
// Usage: node scripts/run-ts.mjs <entry.ts> [args...]
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outDir = resolve('node_modules/.cache/arenagrad');
mkdirSync(outDir, { recursive: true });
// One file per process, so parallel runs (tests spawn several) never read a half-written bundle.
const outfile = resolve(outDir, basename(entry).replace(/\.ts$/, `.${process.pid}.mjs`));
const result = await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'error',
  packages: 'external',
  write: false,
});
writeFileSync(`${outfile}.tmp`, result.outputFiles[0].contents);
renameSync(`${outfile}.tmp`, outfile);
process.argv = [process.argv[0], outfile, ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
