/**
 * npm test: every check CI runs, one phase after another, with the time of each printed at the end (and
 * written to .layerlens/test-results/phases.json), so every change can say what it added to CI's clock.
 * Stops at the first failing phase. `.ci/run` passes the install phase's time in LAYERLENS_INSTALL_SECONDS.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPORT_FILE } from '../src/figures/manifest.ts';
import { PROJECT_ROOT, workDir } from '../src/node/paths.ts';
import { runMain } from './lib/main.ts';
import { formatSeconds } from './lib/progress.ts';

interface Phase {
  name: string;
  command: string;
  env?: Record<string, string>;
}

const PHASES: Phase[] = [
  { name: 'models', command: 'npm run -s models' },
  { name: 'lint', command: 'npm run -s lint' },
  { name: 'types', command: 'npm run -s check' },
  { name: 'unit', command: 'npm run -s test:unit' },
  { name: 'precompute', command: 'npm run -s precompute' },
  { name: 'build', command: 'npx astro build' },
  { name: 'fixture', command: 'npm run -s build:fixture' },
  { name: 'browser', command: 'npm run -s test:browser' },
  { name: 'summary', command: 'npx tsx scripts/test-summary.ts' },
];

interface Timing {
  phase: string;
  seconds: number;
  ok: boolean;
}

async function main(): Promise<void> {
  const timings: Timing[] = [];
  const install = Number(process.env.LAYERLENS_INSTALL_SECONDS);
  if (install > 0) timings.push({ phase: 'install', seconds: install, ok: true });
  let articles: Record<string, { figures: number; computed: number; seconds: number }> = {};
  for (const phase of PHASES) {
    process.stderr.write(`\n=== ${phase.name}: ${phase.command}\n`);
    const started = performance.now();
    const result = spawnSync(phase.command, {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      shell: true,
      env: { ...process.env, ...phase.env },
    });
    const ok = result.status === 0;
    timings.push({ phase: phase.name, seconds: (performance.now() - started) / 1000, ok });
    if (phase.name === 'precompute' && ok) articles = await precomputedArticles();
    if (!ok) break;
  }
  await report(timings, articles);
  if (timings.some((t) => !t.ok)) process.exitCode = 1;
}

async function precomputedArticles() {
  const file = path.join(workDir(), REPORT_FILE);
  const report = JSON.parse(await readFile(file, 'utf8')) as {
    perArticle?: Record<string, { figures: number; computed: number; seconds: number }>;
    setIndexSeconds?: number;
  };
  // The image sets' indexes are built before the figures that read them: a line of their own.
  const indexes: Record<string, { figures: number; computed: number; seconds: number }> = report.setIndexSeconds
    ? { 'image-set indexes': { figures: 0, computed: 0, seconds: report.setIndexSeconds } }
    : {};
  return { ...indexes, ...(report.perArticle ?? {}) };
}

async function report(
  timings: Timing[],
  articles: Record<string, { figures: number; computed: number; seconds: number }>,
): Promise<void> {
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  const lines = ['', 'Time per phase (CI budget: 45 minutes for a clean run):'];
  for (const t of timings) {
    lines.push(`  ${t.phase.padEnd(11)} ${formatSeconds(t.seconds).padStart(7)}${t.ok ? '' : '  FAILED'}`);
    if (t.phase === 'precompute') {
      for (const [article, a] of Object.entries(articles)) {
        const what = a.figures ? ` (${a.computed} of ${a.figures} figures computed)` : '';
        lines.push(`    ${formatSeconds(a.seconds).padStart(7)}  ${article}${what}`);
      }
    }
  }
  lines.push(`  ${'total'.padEnd(11)} ${formatSeconds(total).padStart(7)}`);
  process.stderr.write(`${lines.join('\n')}\n`);
  const folder = path.join(workDir(), 'test-results');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'phases.json'), `${JSON.stringify({ timings, articles, total }, null, 2)}\n`);
}

runMain(main);
