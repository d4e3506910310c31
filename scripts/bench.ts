/**
 * npm run bench [-- --json] [--no-browser] [--only KEY,KEY] [--quality-only]
 * Prints speed figures and ratios, one key per benchmark (scripts/lib/bench/suite.ts lists them). With
 * --json, one JSON object on stdout (progress goes to stderr); --only runs the keys named; --quality-only
 * keeps `site` to every page's quality (Lighthouse, axe, bytes, layout shift), without its recompute timings.
 */
import { siteBuilt } from './lib/bench/browser.ts';
import { BENCHMARKS } from './lib/bench/suite.ts';
import { runMain } from './lib/main.ts';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const browserWanted = !argv.includes('--no-browser');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : null;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const unknown = [...(only ?? [])].filter((key) => !BENCHMARKS.some((b) => b.key === key));
  if (unknown.length) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; the keys are: ${BENCHMARKS.map((b) => b.key).join(', ')}.`,
    );
  }
  const browserReady = browserWanted && siteBuilt();
  if (browserWanted && !browserReady) log('(site not built: run npm run build for the browser figures)');
  const report: Record<string, unknown> = {};
  for (const bench of BENCHMARKS) {
    if (only && !only.has(bench.key)) continue;
    if (bench.browser && !browserReady) continue;
    log(`${bench.key}: ${bench.what}`);
    report[bench.key] = await bench.run(report);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  for (const bench of BENCHMARKS) {
    if (report[bench.key] !== undefined) log(`\n${bench.print(report[bench.key] as never).join('\n')}`);
  }
}

runMain(main);
