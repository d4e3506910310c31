/**
 * npm run gpu-kit [-- --articles a,b]    writes the GPU kit (.layerlens/gpu-kit/) and prints its size
 * npm run gpu-kit -- import OUT_DIR      verifies a kit run's cache and imports it into .layerlens/cache
 * The kit runs the precompute on a bare x86-64 Linux machine with a GPU (no Node, npm or network there):
 * `bash <kit>/run.sh OUT_DIR [--budget SECONDS] [--profile gpu|cpu|auto]`. README: "The GPU kit".
 */
import path from 'node:path';
import { buildKit, mib } from './lib/gpu-kit/build.ts';
import { gpuCoverage, importRun } from './lib/gpu-kit/import.ts';
import { runMain } from './lib/main.ts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === 'import') {
    if (!args[1]) throw new Error('Usage: npm run gpu-kit -- import OUT_DIR');
    const result = await importRun(path.resolve(args[1]));
    for (const refused of result.refused) process.stderr.write(`Refused ${refused}\n`);
    const made = Object.entries(result.made).map(([how, n]) => `${n} ${how}`);
    process.stderr.write(
      `Imported ${result.imported} figure(s)${made.length ? ` (${made.join(', ')})` : ''}, ${result.present} already cached, ${result.refused.length} refused.\n`,
    );
    const coverage = Object.entries(await gpuCoverage()).map(([a, c]) => `  ${a}: ${c.cached} of ${c.figures}`);
    process.stderr.write(
      `Figures cached at the gpu profile, per article:\n${coverage.join('\n')}\n` +
        'LAYERLENS_PROFILE=gpu npm run build publishes them (and computes the missing ones on this machine).\n',
    );
    if (result.refused.length) process.exitCode = 1;
    return;
  }
  const i = args.indexOf('--articles');
  const articles = i >= 0 ? args[i + 1]?.split(',').filter(Boolean) : undefined;
  const kit = await buildKit(articles);
  const parts = Object.entries(kit.parts).map(([file, size]) => `${file} ${mib(size)}`);
  process.stdout.write(
    [
      `GPU kit: ${path.relative(process.cwd(), kit.dir)}/ ${mib(kit.bytes)} (${parts.join(', ')})`,
      `Articles: ${kit.articles.join(', ') || 'none'}`,
      ...(kit.skipped.length ? [`Left out (over the 64 MiB a run carries): ${kit.skipped.join(', ')}`] : []),
      `Run it: bash ${path.relative(process.cwd(), kit.dir)}/run.sh OUT_DIR [--budget SECONDS] [--profile gpu|cpu|auto]`,
    ].join('\n') + '\n',
  );
}

runMain(main);
