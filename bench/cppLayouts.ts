/**
 * Builds bench/cpp/layouts.cpp with g++ and runs it: the sizes and offsets of the guide's
 * before and after Values and of arenagrad's record, from a real compiler. `npm run
 * bench:layouts` stores them, with the command and the machine, in bench/data/cpp-layouts.json
 * (the page draws them to scale; a test rebuilds and compares when g++ is present).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** The compile command, as stored beside the data. */
export const LAYOUTS_COMMAND =
  'g++ -O2 -std=c++17 -Wno-invalid-offsetof -o layouts bench/cpp/layouts.cpp && ./layouts';

/** The program's output (see layouts.cpp). */
export interface CppLayouts {
  before: CppType;
  makeShared: { bytes: number; header: number; chunk: number };
  vectorBuffer: { bytes: number; chunk: number };
  sharedPtr: number;
  after: CppType;
  record: CppType;
}

/** A struct: its size, alignment and fields. */
export interface CppType {
  size: number;
  align: number;
  fields: { name: string; offset: number; size: number }[];
}

/** Compiles and runs the program; null with a reason when there is no compiler. */
export function measureCppLayouts():
  { layouts: CppLayouts; compiler: string } | { reason: string } {
  const outDir = resolve('node_modules/.cache/arenagrad');
  mkdirSync(outDir, { recursive: true });
  const binary = resolve(outDir, 'layouts');
  const args = [
    '-O2',
    '-std=c++17',
    '-Wno-invalid-offsetof',
    '-o',
    binary,
    'bench/cpp/layouts.cpp',
  ];
  const result = spawnSync('g++', args, { encoding: 'utf8' });
  if (result.error) return { reason: `g++ not found (${result.error.message})` };
  if (result.status !== 0) return { reason: `g++ failed: ${result.stderr.trim().split('\n')[0]}` };
  const compiler = execFileSync('g++', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  return { layouts: JSON.parse(execFileSync(binary, { encoding: 'utf8' })), compiler };
}
