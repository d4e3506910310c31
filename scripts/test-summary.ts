/** Prints one closing line for the whole test run from the Vitest and Playwright JSON reports. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { workDir } from '../src/node/paths.ts';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

async function unit(): Promise<Counts> {
  const report = JSON.parse(await readFile(path.join(workDir(), 'test-results/unit.json'), 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests };
}

async function browser(): Promise<Counts> {
  const report = JSON.parse(await readFile(path.join(workDir(), 'test-results/browser.json'), 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

const parts = await Promise.all([unit(), browser()]);
const total = parts.reduce((sum, c) => ({
  passed: sum.passed + c.passed,
  failed: sum.failed + c.failed,
  skipped: sum.skipped + c.skipped,
}));
process.stdout.write(`Unit ${parts[0]!.passed} passed, browser ${parts[1]!.passed} passed.\n`);
process.stdout.write(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
if (total.failed > 0 || total.passed === 0) process.exitCode = 1;
