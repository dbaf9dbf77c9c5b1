/**
 * `npm run --silent cli -- grad '<program>'`: runs an expression-language program, backward from
 * its output, and prints one JSON line
 *
 *   {"output":"y","values":{"x":-4,...},"grads":{"x":46,...}}
 *
 * with the final value of every name and the gradient of the output with respect to it, names
 * in the order they were first assigned. JSON has no NaN or Infinity: such numbers are written
 * as the strings "NaN", "Infinity" and "-Infinity", so the line always parses.
 *
 * Exit codes: 0 done; 1 the program is malformed (one line on stderr: `grad: line:column: reason`)
 * or its graph does not fit the 4 MiB scratch arena; 2 no program given (usage on stderr).
 */
import { ArenaOverflowError, ExpressionError, MB, Memory, gradProgram } from '../core';

const USAGE = `usage: npm run --silent cli -- grad '<program>'
  statements split by ';' or new lines, e.g. 'x = -4; z = 2*x + 2 + x; y = relu(z) + z*x'
  prints {"output","values","grads"} as one JSON line (NaN and ±Infinity as strings)`;

/** JSON.stringify replacer: non-finite numbers become strings, so the output stays JSON. */
function finiteOrString(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/**
 * Runs the `grad` command on `args` (the words after `grad`) and returns the exit code.
 * `scratchBytes` is the scratch arena's capacity (4 MiB, as in the guide).
 */
export function runGrad(args: string[], scratchBytes: number = MB(4)): number {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length !== 1) {
    const problem =
      args.length === 0
        ? 'grad: no program given'
        : `grad: expected one program, got ${args.length} words: put the program in quotes`;
    process.stderr.write(`${problem}\n${USAGE}\n`);
    return 2;
  }
  const scratch = new Memory().addArena('scratch', scratchBytes);
  try {
    const result = gradProgram(scratch, args[0]);
    process.stdout.write(`${JSON.stringify(result, finiteOrString)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExpressionError || error instanceof ArenaOverflowError) {
      process.stderr.write(`grad: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
