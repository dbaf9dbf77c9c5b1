import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MICROGRAD_DEMO,
  MICROGRAD_NOTEBOOK,
  NOTEBOOK_LOSSES,
  createTrainer,
  trainStep,
} from '../../src/core';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `cli train` as the README shows it (bundled, in a child process). */
function train(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['scripts/run-ts.mjs', 'src/cli/main.ts', 'train', ...args],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(stdout: string): Record<string, number>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, number>);
}

const FIELDS = ['step', 'loss', 'accuracy', 'nodes', 'scratchBytes', 'modelBytes', 'ms'];
const DEMO = ['--dataset', 'moons', '--model', '2-16-16-1', '--seed', '1'];

describe('cli train', () => {
  it('prints one JSON line per step with every field, as the engine computes them', () => {
    const { status, stdout, stderr } = train(...DEMO, '--steps', '5', '--json');
    // The same run in this process, with DEMO's settings spelt out (5 steps is the schedule).
    const trainer = createTrainer({
      ...MICROGRAD_DEMO,
      dataset: 'moons',
      sizes: [2, 16, 16, 1],
      seed: 1,
      scheduleSteps: 5,
    });
    const engine = Array.from({ length: 5 }, () => ({ ...trainStep(trainer) })); // reused: copy
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(5);
    lines.forEach((line, k) => {
      expect(Object.keys(line)).toEqual(FIELDS);
      for (const field of FIELDS) expect(Number.isFinite(line[field])).toBe(true);
      expect(line.step).toBe(k);
      expect(line.nodes).toBe(65_481);
      expect(line.scratchBytes).toBeGreaterThan(0);
      expect(line.modelBytes).toBeGreaterThan(0);
      expect(line.ms).toBeGreaterThan(0);
      expect(line.accuracy).toBe(engine[k].accuracy);
      expect(line.loss).toBe(engine[k].loss);
    });
    expect(lines[4].loss).toBeLessThan(lines[0].loss);
  });

  it("--preset micrograd prints the notebook's run: 100 JSON lines, step 0 exactly the notebook's", () => {
    const { status, stdout, stderr } = train('--preset', 'micrograd', '--json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(100);
    const trainer = createTrainer(MICROGRAD_NOTEBOOK);
    lines.forEach((line, k) => {
      expect(Object.keys(line)).toEqual(FIELDS);
      expect(line.step).toBe(k);
      const report = trainStep(trainer);
      expect(line.loss).toBe(report.loss);
      expect(line.accuracy).toBe(report.accuracy);
      expect(Math.abs(line.loss - NOTEBOOK_LOSSES[k]) / NOTEBOOK_LOSSES[k]).toBeLessThan(1e-12);
    });
    expect([lines[0].loss, lines[0].accuracy]).toEqual([0.8958441028683222, 0.5]);
  });

  it('gives the same losses on the heap engine and the arena engine', () => {
    const arena = jsonLines(train(...DEMO, '--steps', '4', '--engine', 'arena', '--json').stdout);
    const heap = jsonLines(train(...DEMO, '--steps', '4', '--engine', 'heap', '--json').stdout);
    expect(heap).toHaveLength(4);
    heap.forEach((line, k) => {
      expect(Math.abs(line.loss - arena[k].loss)).toBeLessThanOrEqual(1e-9 * arena[k].loss);
      expect(line.accuracy).toBe(arena[k].accuracy);
      expect(line.nodes).toBe(arena[k].nodes);
    });
  });

  it('gives exactly the arena engine’s losses on the Wasm engine', () => {
    const arena = jsonLines(train(...DEMO, '--steps', '6', '--engine', 'arena', '--json').stdout);
    const wasm = jsonLines(train(...DEMO, '--steps', '6', '--engine', 'wasm', '--json').stdout);
    expect(wasm).toHaveLength(6);
    wasm.forEach((line, k) => {
      expect(line.loss).toBe(arena[k].loss);
      expect(line.accuracy).toBe(arena[k].accuracy);
      expect(line.nodes).toBe(arena[k].nodes);
      expect(line.scratchBytes).toBe(arena[k].scratchBytes);
    });
  });

  it('prints a readable line per step without --json', () => {
    const { status, stdout } = train('--dataset', 'guide', '--steps', '3', '--lr', '0.1');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^step\s+0\s+loss\s+[\d.]+\s+accuracy\s+[\d.]+%\s+nodes\s+18\s/);
  });

  it.each([
    [['--steps', '0']],
    [['--bogus']],
    [['--lr']],
    [['--lr', 'fast']],
    [['--dataset', 'mnist']],
    [['--engine', 'gpu']],
    [['--loss', 'l1']],
    [['--model', '3-16-1']],
  ])('exits 2 with the usage on %j', (args) => {
    const { status, stdout, stderr } = train(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^train: /);
    expect(stderr).toContain('usage: npm run --silent cli -- train');
  });

  it('exits 1 with the reason when training diverges', () => {
    const { status, stderr } = train(...DEMO, '--steps', '10', '--lr', '1e200', '--json');
    expect(status).toBe(1);
    expect(stderr).toMatch(/^train: training diverged at step \d+/);
  });
});
