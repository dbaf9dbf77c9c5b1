/**
 * The guide's C++ arena engine (bench/cpp/guide_step.cpp), built with `g++ -O2` when a compiler
 * is present, as a yardstick measured in the same run as the TypeScript engines.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Median µs per step and ns per node of one run of the C++ step. */
export interface CppTiming {
  usPerStep: number;
  nsPerNode: number;
  nodes: number;
}

/** Compiles the C++ step; returns the binary's path, or null with a reason when it cannot. */
export function buildGuideCpp(): { binary: string } | { reason: string } {
  const outDir = resolve('node_modules/.cache/arenagrad');
  mkdirSync(outDir, { recursive: true });
  const binary = resolve(outDir, 'guide_step');
  const result = spawnSync('g++', ['-O2', '-std=c++17', '-o', binary, 'bench/cpp/guide_step.cpp'], {
    encoding: 'utf8',
  });
  if (result.error) return { reason: `g++ not found (${result.error.message})` };
  if (result.status !== 0) return { reason: `g++ failed: ${result.stderr.trim().split('\n')[0]}` };
  return { binary };
}

/** Runs `steps` C++ steps (the first quarter is warm-up) and returns its median. */
export function runGuideCpp(binary: string, steps: number): CppTiming {
  const out = execFileSync(binary, [String(steps)], { encoding: 'utf8' });
  return JSON.parse(out) as CppTiming;
}
