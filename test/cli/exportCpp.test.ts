import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cppDouble, exportedRateAt } from '../../src/core/cpp';
import { learningRateAt, MICROGRAD_DEMO } from '../../src/core/train';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'arenagrad-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a cli command as the README shows it (bundled, in a child process). */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function found(compiler: string): boolean {
  return !spawnSync(compiler, ['--version']).error;
}
const clang = ['clang++', 'clang++-14'].find(found);

/** Exports the run, compiles it alone with `compiler`, runs it; returns its output and status. */
function exportAndRun(compiler: string, flags: string[]) {
  const exported = cli('export-cpp', ...flags);
  expect(exported.status, exported.stderr).toBe(0);
  const source = join(work, 'run.cpp');
  const binary = join(work, `run-${compiler}`);
  writeFileSync(source, exported.stdout);
  const build = spawnSync(
    compiler,
    ['-O2', '-std=c++17', '-Wall', '-Wextra', '-o', binary, source],
    {
      encoding: 'utf8',
    },
  );
  expect(build.status, build.stderr).toBe(0);
  expect(build.stderr).toBe(''); // no warning either
  const run = spawnSync(binary, { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `cli train --json`'s losses and exit status, and the program's `step k loss x` lines. */
function trainLosses(flags: string[]) {
  const { status, stdout } = cli('train', ...flags, '--json');
  const losses = stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { loss: number }).loss);
  return { status, losses };
}
function programLosses(stdout: string): number[] {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line, k) => {
      const match = /^step (\d+) loss (\S+)$/.exec(line);
      expect(match?.[1], line).toBe(String(k));
      return Number(match?.[2]);
    });
}

const RUNS: Record<string, string[]> = {
  "micrograd's demo": ['--steps', '40'],
  "the guide's example (squared error)": ['--dataset', 'guide', '--steps', '25'],
  'circles, 2-8-8-1, squared error': [
    ...['--dataset', 'circles', '--model', '2-8-8-1', '--loss', 'mse'],
    ...['--lr', '0.05', '--seed', '4', '--steps', '15'],
  ],
};

describe('cli export-cpp', () => {
  for (const [name, flags] of Object.entries(RUNS)) {
    it.runIf(found('g++'))(`${name}: g++ -O2 prints cli train's losses, bit for bit`, () => {
      const program = exportAndRun('g++', flags);
      expect(program.status, program.stderr).toBe(0);
      const expected = trainLosses(flags);
      expect(expected.status).toBe(0);
      expect(programLosses(program.stdout)).toEqual(expected.losses);
    });
  }

  it.runIf(found('g++'))('stops where cli train stops when the run diverges (lr 100)', () => {
    const flags = ['--lr', '100', '--steps', '30'];
    const program = exportAndRun('g++', flags);
    const expected = trainLosses(flags);
    expect(expected.status).toBe(1);
    expect(program.status).toBe(1);
    expect(program.stderr).toMatch(/^step \d+: the loss diverged/);
    expect(programLosses(program.stdout)).toEqual(expected.losses);
  });

  it.runIf(clang !== undefined)('compiles alone with clang++ too, to the same losses', () => {
    const flags = ['--steps', '10'];
    const program = exportAndRun(clang as string, flags);
    expect(programLosses(program.stdout)).toEqual(trainLosses(flags).losses);
  });

  it('refuses bad flags with the usage', () => {
    const bad = cli('export-cpp', '--steps', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--steps must be/);
  });

  it('writes literals that read back as the same doubles, and the TypeScript rate schedule', () => {
    expect(cppDouble(0.1)).toBe('0.1');
    expect(cppDouble(-0)).toBe('-0.0');
    expect(cppDouble(Infinity)).toBe('INFINITY');
    expect(Number(cppDouble(1 / 3))).toBe(1 / 3);
    const settings = {
      ...MICROGRAD_DEMO,
      rateSegments: [
        { fromStep: 5, learningRate: 0.3, schedule: 'constant' as const },
        { fromStep: 9, learningRate: 2, schedule: 'decay' as const },
      ],
    };
    for (let k = 0; k < 150; k++) {
      expect(exportedRateAt(settings, k)).toBe(learningRateAt(settings, k));
    }
  });
});
