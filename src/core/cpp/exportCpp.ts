/**
 * "A run to take home": one self-contained C++ file, the guide's arena engine put right
 * (cpp/arena_engine.h and cpp/arena_model.h, inlined) with this run's model shape, data, first
 * weights and learning rates as literals. Built with `g++ -O2 -std=c++17` (or clang++) it prints
 * `step <k> loss <%.17g>` per step, the losses of `cli train --json` with the same flags, to
 * the bit: the same nodes in the same order with the same IEEE-754 double arithmetic, as long as
 * the compiler does not fuse a·b + c into one rounding (see the file's header).
 */
import { rateSegmentAt, type TrainSettings } from '../train/trainSettings';
import { CPP_HEADERS } from './cppHeaders.generated';
import { cppSpecOf } from './cppSpec';

/** A double as a C++ literal that reads back as the same double (JavaScript's shortest form). */
export function cppDouble(x: number): string {
  if (Number.isNaN(x)) return 'NAN';
  if (x === Infinity) return 'INFINITY';
  if (x === -Infinity) return '-INFINITY';
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}

/** A header's text without `#pragma once` and its own `#include "..."` lines. */
function inlined(name: string, text: string): string {
  const body = text
    .split('\n')
    .filter((line) => line !== '#pragma once' && !line.startsWith('#include "'))
    .join('\n')
    .trim();
  return `// ---- cpp/${name} ----\n${body}\n`;
}

function literalRows(values: ArrayLike<number>, perRow: number): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += perRow) {
    rows.push(
      `    ${Array.from(values)
        .slice(i, i + perRow)
        .map(cppDouble)
        .join(', ')},`,
    );
  }
  return rows.join('\n');
}

/** The run's learning rates: the settings' own from step 0, then each rate change. */
function rateTable(settings: TrainSettings): string {
  const segments = [
    { fromStep: 0, learningRate: settings.learningRate, schedule: settings.schedule },
    ...settings.rateSegments,
  ];
  const rows = segments.map(
    (s) => `    {${s.fromStep}, ${cppDouble(s.learningRate)}, ${s.schedule === 'decay' ? 1 : 0}},`,
  );
  return rows.join('\n');
}

/** Is the generated `learning_rate` the TypeScript one? (The test holds it to be.) */
export function exportedRateAt(settings: TrainSettings, k: number): number {
  const { learningRate, schedule } = rateSegmentAt(settings, k);
  if (schedule === 'constant') return learningRate;
  const k1 = Math.min(k, settings.scheduleSteps);
  return learningRate * (1.0 - (0.9 * k1) / settings.scheduleSteps);
}

/**
 * The program. `steps` steps; `command` says where it came from (printed in its header).
 * Throws `CppSpecError` for settings the C++ engine does not have (tanh neurons).
 */
export function exportCpp(settings: TrainSettings, steps: number, command: string): string {
  const spec = cppSpecOf(settings);
  const sizes = settings.sizes.join('-');
  return `// arenagrad: one training run on the guide's arena engine, put right, as one C++ file.
// Made by: ${command}
// Run: ${settings.dataset}, model ${sizes}, ${settings.loss} loss, L2 ${settings.l2}, ${steps} steps, learning rate
// ${settings.learningRate} (${settings.schedule}), seed ${settings.seed}. Its data and first weights are the literals in
// kSpec (their layout: cpp/spec.h, below).
//
// Build and run:   g++ -O2 -std=c++17 -ffp-contract=off -o run run.cpp && ./run
//             or:  clang++ -O2 -std=c++17 -ffp-contract=off -o run run.cpp && ./run
// It prints "step <k> loss <%.17g>" for every step: the losses of
//   npm run --silent cli -- train ... --json
// with the same flags, to the bit. What keeps that true: IEEE-754 doubles with every operation
// rounded on its own, in the order written. -ffp-contract=off forbids fusing a*b + c into one
// fma (GCC does it by default wherever the target has fma: aarch64, or -march=native on a
// recent x86-64; plain x86-64 -O2 has no fma, so it is the same there without the flag).
// Never -ffast-math or -Ofast (they reorder sums); no x87 (32-bit x86 needs -msse2 -mfpmath=sse).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <new>
#include <vector>

${CPP_HEADERS.map(([name, text]) => inlined(name, text)).join('\n')}
// ---- this run ----
static const double kSpec[] = {
${literalRows(spec, 4)}
};

struct RateSegment {
  int from_step;
  double rate;
  int decay;  // 1: rate · (1 − 0.9 · min(k, ${settings.scheduleSteps}) / ${settings.scheduleSteps}), 0: constant
};
static const RateSegment kRates[] = {
${rateTable(settings)}
};
static const int kSteps = ${steps};

/** The learning rate of step k: the latest rate change at or before k (the TypeScript rule). */
static double learning_rate(int k) {
  const RateSegment* current = &kRates[0];
  for (const RateSegment& segment : kRates) {
    if (segment.from_step <= k && segment.from_step >= current->from_step) current = &segment;
  }
  if (!current->decay) return current->rate;
  double k1 = k < ${settings.scheduleSteps} ? k : ${settings.scheduleSteps};
  return current->rate * (1.0 - (0.9 * k1) / ${settings.scheduleSteps});
}

int main() {
  static const char* const kWhy[] = {"", "the loss diverged", "a weight diverged",
                                     "the scratch arena overflowed"};
  Spec spec(kSpec);
  Model model;
  if (build_model(model, spec) == 0) {
    std::fprintf(stderr, "the model does not fit its arena\\n");
    return 1;
  }
  for (int k = 0; k < kSteps; k++) {
    double loss = train_step(model, learning_rate(k));
    if (model.status != STEP_OK) {
      std::fprintf(stderr, "step %d: %s (loss %.17g)\\n", k, kWhy[model.status], loss);
      return 1;
    }
    std::printf("step %d loss %.17g\\n", k, loss);
  }
  return 0;
}
`;
}
