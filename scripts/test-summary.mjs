#!/usr/bin/env node
// Prints one plain closing line for the whole test run, from vitest's JSON reports:
// "tests: N passed, N failed" (and skipped when there are any).
import { existsSync, readFileSync } from 'node:fs';

const reports = ['test-output/unit.json', 'test-output/browser.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.error(`test summary: ${file} is missing: that test run did not finish`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
