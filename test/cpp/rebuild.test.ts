/**
 * The committed cpp/*.wasm are what cpp/*.cpp compile to: rebuilt here with the pinned compiler
 * (scripts/build-cpp.mjs) and compared byte for byte (clang 14's output does not depend on the
 * checkout's path or the time). A source changed without `npm run build:cpp` fails. On a
 * developer's machine without clang-14 the test is skipped, saying so; in CI (CI=true), where
 * .ci/run installs the compiler, a missing compiler fails it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasCompiler = !spawnSync('clang++-14', ['--version']).error;
const inCi = process.env.CI === 'true';
const INSTALL =
  'apt-get install -y clang-14 lld-14 wasi-libc libc++-14-dev-wasm32 libc++abi-14-dev-wasm32 ' +
  'libclang-rt-14-dev-wasm32';

describe('the committed C++ modules (cpp/*.wasm)', () => {
  if (!hasCompiler && !inCi) {
    it.skip(`are rebuilt and compared: skipped, clang++-14 is not installed (${INSTALL})`, () => {});
    return;
  }

  it('are what the sources compile to, byte for byte', () => {
    expect(hasCompiler, `clang++-14 is missing in CI: ${INSTALL}`).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'arenagrad-cpp-'));
    try {
      const build = spawnSync(process.execPath, ['scripts/build-cpp.mjs', '--out', out], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(build.status, build.stderr).toBe(0);
      for (const name of ['before', 'after']) {
        const fresh = readFileSync(join(out, `${name}.wasm`));
        const committed = readFileSync(join(root, 'cpp', `${name}.wasm`));
        expect(
          fresh.equals(committed),
          `cpp/${name}.wasm is not what cpp/${name}.cpp compiles to: run npm run build:cpp`,
        ).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
