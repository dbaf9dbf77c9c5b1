/**
 * `npm run bench:browser`: the demo step's engines (lean TypeScript, op by op, Wasm) timed inside
 * headless Chromium (Debian's /usr/bin/chromium, as the browser tests use; the page side is
 * browserStep.page.ts), with the guide's C++ run in Node just before and after as a yardstick.
 * Prints one JSON line. See bench/README.md.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/chromium';
import { buildGuideCpp, runGuideCpp } from './guideCpp';

const bundle = await build({
  entryPoints: ['bench/browserStep.page.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  write: false,
  logLevel: 'error',
});
const cpp = buildGuideCpp();
const cppRuns: number[] = [];
const runCpp = () => {
  if ('binary' in cpp) cppRuns.push(runGuideCpp(cpp.binary, 400).usPerStep);
};
runCpp();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const result = (await page.evaluate(
    () => (globalThis as { BENCH_RESULT?: unknown }).BENCH_RESULT,
  )) as {
    userAgent: string;
    usPerStep: { lean: number; opByOp: number; wasm: number };
  };
  runCpp();
  const guideCpp = cppRuns.length > 0 ? cppRuns.reduce((a, b) => a + b, 0) / cppRuns.length : null;
  const ratio = (x: number) => (guideCpp === null ? null : x / guideCpp);
  console.log(
    JSON.stringify({
      ...result,
      guideCppUsPerStep: cppRuns,
      leanVsGuideCpp: ratio(result.usPerStep.lean),
      wasmVsGuideCpp: ratio(result.usPerStep.wasm),
    }),
  );
} finally {
  await browser.close();
}
