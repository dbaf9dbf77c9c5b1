/**
 * `npm run bench:layouts`: measures the C++ layouts (bench/cpp/layouts.cpp, g++) and stores them
 * with the command, the compiler and the machine in bench/data/cpp-layouts.json.
 */
import { writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { LAYOUTS_COMMAND, measureCppLayouts } from './cppLayouts';

const measured = measureCppLayouts();
if ('reason' in measured) {
  console.error(measured.reason);
  process.exit(1);
}
const data = {
  command: LAYOUTS_COMMAND,
  compiler: measured.compiler,
  machine: `${platform()} ${arch()}`,
  ...measured.layouts,
};
writeFileSync('bench/data/cpp-layouts.json', `${JSON.stringify(data, null, 2)}\n`);
console.log(`bench/data/cpp-layouts.json: ${measured.compiler}, ${data.machine}`);
