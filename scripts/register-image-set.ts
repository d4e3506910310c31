/**
 * npx tsx scripts/register-image-set.ts MANIFEST --id ID --name NAME [--license-url URL] [--homepage URL]
 *   [--mirror DIR] [--out FILE]
 * Turns an image set's manifest.json (schema: ImageSetManifest in src/registry/schema.ts) into its registry entry,
 * models/registry/<id>.json: every image with its upstream URL, size, SHA-256, caption and category, then the
 * licence file the manifest names. Each image and the licence file are read beside the manifest and checked
 * against it first; the entry is validated by the registry schema before it is written. A new set is then
 * imported in src/registry/index.ts.
 *
 * --license-url  upstream URL of the licence file (needed when the manifest names one)
 * --homepage     the set's upstream repository; by default the manifest's, else the GitHub tree at the commit
 *                that every image URL is pinned to
 * --mirror       the set's folder relative to the mirror root; by default worked out from LAYERLENS_MIRROR
 *
 * The Tux Paint stamps (images-corpus) were registered with:
 *   LAYERLENS_MIRROR=../shared/models npx tsx scripts/register-image-set.ts ../shared/images/corpus/manifest.json \
 *     --id images-corpus --name "Tux Paint stamps: photo cut-outs" \
 *     --license-url https://raw.githubusercontent.com/deepin-community/tuxpaint-stamps/6e3b534047767c1b224317dc19ea54a87fc8f93f/docs/COPYING.txt
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ImagePack } from '../src/registry/schema.ts';
import { checkSetFiles, readSetManifest } from '../src/node/image-set-folder.ts';
import { PROJECT_ROOT, mirrorRoot } from '../src/node/paths.ts';
import { writeAtomically } from './lib/fetch-pack.ts';
import { runMain } from './lib/main.ts';

const USAGE =
  'Usage: npx tsx scripts/register-image-set.ts MANIFEST --id ID --name NAME [--license-url URL] ' +
  '[--homepage URL] [--mirror DIR] [--out FILE]';

interface Args {
  manifest: string;
  id: string;
  name: string;
  licenseUrl: string | null;
  homepage: string | null;
  mirror: string | null;
  out: string | null;
}

function parseArgs(argv: string[]): Args {
  const options = new Map<string, string>();
  const positional: string[] = [];
  const known = ['--id', '--name', '--license-url', '--homepage', '--mirror', '--out'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (!known.includes(arg)) throw new Error(`Unknown option ${arg}. ${USAGE}`);
    else if (argv[i + 1] === undefined) throw new Error(`${arg} needs a value. ${USAGE}`);
    else options.set(arg, argv[++i]!);
  }
  const [manifest, ...extra] = positional;
  const id = options.get('--id');
  const name = options.get('--name');
  if (!manifest || extra.length || !id || !name) throw new Error(`Give one manifest, --id and --name. ${USAGE}`);
  return {
    manifest: path.resolve(manifest),
    id,
    name,
    licenseUrl: options.get('--license-url') ?? null,
    homepage: options.get('--homepage') ?? null,
    mirror: options.get('--mirror') ?? null,
    out: options.get('--out') ?? null,
  };
}

/** The GitHub tree every URL is pinned to (raw.githubusercontent.com/<owner>/<repo>/<commit>/...), or null. */
export function pinnedTree(urls: string[]): string | null {
  const trees = new Set(
    urls.map((url) => {
      const m = /^https:\/\/raw\.githubusercontent\.com\/([^/]+)\/([^/]+)\/([0-9a-f]{40})\//.exec(url);
      return m ? `https://github.com/${m[1]}/${m[2]}/tree/${m[3]}` : null;
    }),
  );
  const [only] = trees;
  return trees.size === 1 && only ? only : null;
}

/** The registry entry of the set: checks every file beside the manifest against it. */
export async function imageSetPack(args: Omit<Args, 'out'> & { mirror: string }): Promise<ImagePack> {
  const where = path.relative(process.cwd(), args.manifest);
  const read = readSetManifest(args.manifest, where);
  if (!read.manifest) throw new Error(`${where} is not a valid image-set manifest:\n${bullets(read.problems)}`);
  const manifest = read.manifest;
  if (manifest.licenseFile && !args.licenseUrl) {
    throw new Error(
      `${where} names the licence file ${manifest.licenseFile}: give its upstream URL with --license-url.`,
    );
  }
  const { files, problems } = checkSetFiles(
    path.dirname(args.manifest),
    manifest,
    path.dirname(where),
    args.licenseUrl ?? '',
  );
  // A registered set is downloaded on every fresh clone: each image needs the URL to download it from.
  for (const image of manifest.images)
    if (!image.upstream) problems.push(`${image.file}: no upstream URL (a registered set is downloaded from it)`);
  if (problems.length) throw new Error(`${where} does not match its files:\n${bullets(problems)}`);
  const upstreams = manifest.images.map((i) => i.upstream ?? '');
  const homepage = args.homepage ?? manifest.homepage ?? pinnedTree(upstreams);
  const entry = {
    id: args.id,
    kind: 'images',
    name: args.name,
    license: manifest.license,
    mirror: args.mirror,
    set: {
      source: manifest.source,
      ...(manifest.copyright ? { copyright: manifest.copyright } : {}),
      ...(manifest.licenseFile ? { licenseFile: manifest.licenseFile } : {}),
      ...(homepage ? { homepage } : {}),
    },
    files,
  };
  const result = ImagePack.safeParse(entry);
  if (!result.success) throw new Error(`The registry entry would be invalid:\n${z.prettifyError(result.error)}`);
  // The other registry files' key order: what the pack is first, its files last.
  const { id, kind, name, license, mirror, set, files: checked } = result.data;
  return { id, kind, name, license, mirror, set, files: checked };
}

/** The set's folder relative to the mirror root (the registry's `mirror`), from --mirror or LAYERLENS_MIRROR. */
function bullets(lines: string[]): string {
  return lines.map((p) => `  - ${p}`).join('\n');
}

function mirrorFolder(args: Args): string {
  if (args.mirror) return args.mirror;
  const root = mirrorRoot();
  if (!root) throw new Error('Give --mirror (the set folder relative to the mirror root), or set LAYERLENS_MIRROR.');
  return path.relative(root, path.dirname(args.manifest)).split(path.sep).join('/');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const pack = await imageSetPack({ ...args, mirror: mirrorFolder(args) });
  const out = args.out ? path.resolve(args.out) : path.join(PROJECT_ROOT, 'models', 'registry', `${pack.id}.json`);
  await writeAtomically(out, `${JSON.stringify(pack, null, 2)}\n`);
  const images = pack.files.filter((f) => f.path !== pack.set?.licenseFile);
  const categories = new Set(images.map((f) => f.category));
  const index = await readFile(path.join(PROJECT_ROOT, 'src', 'registry', 'index.ts'), 'utf8');
  const registered = index.includes(`models/registry/${pack.id}.json`);
  process.stderr.write(
    `Wrote ${path.relative(process.cwd(), out)}: ${images.length} images in ${categories.size} categories` +
      `${pack.set?.licenseFile ? ` and ${pack.set.licenseFile}` : ''} (${pack.license}).\n` +
      (registered
        ? `Fetch it with: npm run models -- ${pack.id}\n`
        : `Next: import it in src/registry/index.ts, then fetch it with: npm run models -- ${pack.id}\n`),
  );
}

// Run as a script; imported (by tests), it only exports its functions.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runMain(main);
