/**
 * `cli export-cpp [the train flags]`: prints one self-contained C++ program, the guide's arena
 * engine put right with this run's model, data and first weights as literals (see
 * core/cpp/exportCpp.ts). Built with `g++ -O2 -std=c++17` it prints `step <k> loss <%.17g>`,
 * the losses `cli train --json` prints with the same flags. `--engine` and `--json` are accepted
 * and ignored, so a train command line can be reused as it is. Exit codes: 0, 1 (settings the
 * C++ engine does not have), 2 (bad flags).
 */
import { CppSpecError, exportCpp } from '../core/cpp';
import { parseTrainArgs, TRAIN_USAGE, TrainArgsError } from './trainArgs';

/** Runs `cli export-cpp` with its flags (everything after `export-cpp`); returns the exit code. */
export function runExportCpp(argv: string[]): number {
  try {
    const { settings, steps } = parseTrainArgs(argv);
    const command = ['npm run --silent cli -- export-cpp', ...argv].join(' ');
    process.stdout.write(exportCpp(settings, steps, command));
    return 0;
  } catch (error) {
    if (error instanceof TrainArgsError) {
      process.stderr.write(`export-cpp: ${error.message}\n${TRAIN_USAGE}\n`);
      return 2;
    }
    if (error instanceof CppSpecError || error instanceof RangeError) {
      process.stderr.write(`export-cpp: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
