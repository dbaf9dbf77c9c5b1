#!/usr/bin/env node
// Builds the guide's C++ (cpp/before.cpp, cpp/after.cpp) to WebAssembly with Debian's clang 14,
// lld, wasm32 libc++ and wasi-libc, and writes cpp/before.wasm and cpp/after.wasm, which are
// committed: `npm install && npm start` and `npm test` need no compiler. The bytes are stable
// (the same sources give the same files, whatever the checkout's path): test/cpp/rebuild.test.ts
// rebuilds into a temporary folder and compares. Packages (Debian 12):
//   apt-get install -y clang-14 lld-14 wasi-libc libc++-14-dev-wasm32 libc++abi-14-dev-wasm32 \
//     libclang-rt-14-dev-wasm32
// Usage: node scripts/build-cpp.mjs [--out <folder>]   (npm run build:cpp)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiler, and the version whose bytes are committed. */
export const COMPILER = 'clang++-14';
export const COMPILER_VERSION = 'Debian clang version 14.0.6';
/** The modules, by name: cpp/<name>.cpp → <out>/<name>.wasm. */
export const MODULES = ['before', 'after'];

/** The exact flags (wasm has no fused multiply-add; -ffp-contract=off says so anyway). */
export const FLAGS = [
  '--target=wasm32-wasi',
  '--sysroot=/usr',
  '-isystem',
  '/usr/include/wasm32-wasi/c++/v1',
  '-isystem',
  '/usr/include/wasm32-wasi',
  '-O2',
  '-fno-exceptions',
  '-ffp-contract=off',
  '-fuse-ld=lld',
  '-mexec-model=reactor',
  '-Wl,--strip-debug',
  '-Wl,--export=__heap_base',
  '-Wl,--max-memory=1073741824',
];

/** The compiler's first line of `--version`, or null when it is not installed. */
export function compilerVersion() {
  const result = spawnSync(COMPILER, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split('\n')[0].trim();
}

/** Compiles every module into `outDir`; throws with the compiler's message on failure. */
export function buildCpp(outDir) {
  const version = compilerVersion();
  if (version === null) {
    throw new Error(
      `${COMPILER} not found: apt-get install -y clang-14 lld-14 wasi-libc libc++-14-dev-wasm32 ` +
        'libc++abi-14-dev-wasm32 libclang-rt-14-dev-wasm32',
    );
  }
  if (version !== COMPILER_VERSION) {
    throw new Error(
      `${COMPILER} is '${version}'; the committed modules come from '${COMPILER_VERSION}'`,
    );
  }
  mkdirSync(outDir, { recursive: true });
  const cppDir = fileURLToPath(new URL('../cpp/', import.meta.url));
  for (const name of MODULES) {
    const args = [...FLAGS, '-o', resolve(outDir, `${name}.wasm`), `${name}.cpp`];
    const result = spawnSync(COMPILER, args, { cwd: cppDir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${COMPILER} ${name}.cpp failed:\n${result.stderr}`);
    console.error(`build:cpp: (cd cpp && ${COMPILER} ${args.join(' ')})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir =
    at > 0 ? resolve(process.argv[at + 1]) : fileURLToPath(new URL('../cpp/', import.meta.url));
  try {
    buildCpp(outDir);
  } catch (error) {
    console.error(`build:cpp: ${error.message}`);
    process.exit(1);
  }
}
