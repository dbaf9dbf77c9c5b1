/**
 * The headless command line: `npm run --silent cli -- <command> [...]`.
 *   grad '<program>'   gradients of an expression-language program, as JSON
 *   train [flags]      train a model, one JSON line per step
 *   export-cpp [flags] the same run as one C++ file (the guide's arena engine, put right)
 */
import { runExportCpp } from './exportCpp';
import { runGrad } from './grad';
import { runTrain } from './train';

const USAGE = `usage:
  npm run --silent cli -- grad '<program>'
  npm run --silent cli -- train --dataset moons --model 2-16-16-1 --steps 100 --seed 1
                                [--engine arena|heap] [--loss hinge|mse] [--lr 0.1] [--json]
  npm run --silent cli -- export-cpp [the train flags] > run.cpp`;

function main(argv: string[]): number {
  const [command, ...args] = argv;
  if (command === 'grad') return runGrad(args);
  if (command === 'train') return runTrain(args);
  if (command === 'export-cpp') return runExportCpp(args);
  process.stderr.write(`${command ? `unknown command: ${command}\n` : ''}${USAGE}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
