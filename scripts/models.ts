/**
 * npm run models [-- PACK ...] [--mirror DIR]
 * Fetches every registered pack (or the ones named) into models/store/, from upstream or from the mirror
 * folder that LAYERLENS_MIRROR (or --mirror) names, and verifies each file's size and SHA-256.
 */
import path from 'node:path';
import { packs, getPack } from '../src/registry/index.ts';
import type { Pack } from '../src/registry/schema.ts';
import { mirrorRoot, packDir } from '../src/node/paths.ts';
import { FetchError, fetchFile, type FileOutcome } from './lib/fetch-pack.ts';
import { ProgressBar, formatBytes } from './lib/progress.ts';
import { downloadWithProgress } from './lib/download.ts';
import { runMain } from './lib/main.ts';

interface Args {
  ids: string[];
  mirror: string | null;
}

function parseArgs(argv: string[]): Args {
  const ids: string[] = [];
  let mirror = mirrorRoot();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--mirror') mirror = path.resolve(argv[++i] ?? '');
    else if (arg.startsWith('--'))
      throw new FetchError(`Unknown option ${arg}. Usage: npm run models -- [PACK ...] [--mirror DIR]`);
    else ids.push(arg);
  }
  return { ids, mirror };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const selected: Pack[] = args.ids.length ? args.ids.map(getPack) : [...packs];
  const files = selected.flatMap((pack) => pack.files.map((file) => ({ pack, file })));
  const totalBytes = files.reduce((sum, { file }) => sum + file.bytes, 0);
  const where = args.mirror ? `mirror ${args.mirror}` : 'upstream';
  process.stderr.write(
    `Fetching ${selected.length} packs (${files.length} files, ${formatBytes(totalBytes)}) from ${where}\n`,
  );

  const bar = new ProgressBar({
    unit: 'files',
    total: files.length,
    formatExtra: (bytes) => formatBytes(bytes),
  });
  const counts: Record<FileOutcome, number> = { present: 0, copied: 0, downloaded: 0, 'absent-optional': 0 };
  const absent = new Map<string, number>();
  const errors: string[] = [];
  for (const { pack, file } of files) {
    const sources = {
      dest: packDir(pack.id),
      mirror: args.mirror ? path.join(args.mirror, pack.mirror) : null,
      download: downloadWithProgress,
    };
    try {
      const outcome = await fetchFile(pack, file, sources, (n) => bar.advanceExtra(file.path, n));
      counts[outcome]++;
      if (outcome === 'absent-optional') absent.set(pack.id, (absent.get(pack.id) ?? 0) + 1);
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      errors.push(error.message);
    }
    bar.tick(`${pack.id}/${file.path}`);
  }
  bar.finish(
    `Verified ${counts.present + counts.copied + counts.downloaded} files ` +
      `(${counts.present} already present, ${counts.copied} copied, ${counts.downloaded} downloaded).`,
  );
  for (const [id, n] of absent) {
    process.stderr.write(
      `Note: ${n} optional files of ${id} are not in the mirror; the layers that need them will ask for ` +
        `\`npm run models -- ${id}\` without LAYERLENS_MIRROR (downloads from upstream).\n`,
    );
  }
  if (errors.length) {
    process.stderr.write(`\n${errors.length} file(s) failed:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

runMain(main);
