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
import { ImagePack, ImageSetManifest, type ImageFile } from '../src/registry/schema.ts';
import { PROJECT_ROOT, mirrorRoot } from '../src/node/paths.ts';
import { sha256, writeAtomically } from './lib/fetch-pack.ts';
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

/** The manifest, validated: a bad entry fails with Zod's path to it (images[3].sha256 ...). */
export async function readImageSetManifest(file: string): Promise<ImageSetManifest> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`Cannot read the manifest ${file}.`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const result = ImageSetManifest.safeParse(json);
  if (!result.success) throw new Error(`${file} is not a valid image-set manifest:\n${z.prettifyError(result.error)}`);
  return result.data;
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
  const manifest = await readImageSetManifest(args.manifest);
  if (manifest.licenseFile && !args.licenseUrl) {
    throw new Error(
      `${args.manifest} names the licence file ${manifest.licenseFile}: give its upstream URL with --license-url.`,
    );
  }
  const folder = path.dirname(args.manifest);
  const problems: string[] = [];
  const files: ImageFile[] = [];
  for (const image of manifest.images) {
    const bytes = await readFile(path.join(folder, image.file)).catch(() => null);
    if (!bytes) problems.push(`${image.file}: missing beside the manifest`);
    else if (bytes.byteLength !== image.bytes)
      problems.push(`${image.file}: ${bytes.byteLength} bytes, the manifest says ${image.bytes}`);
    else if (sha256(bytes) !== image.sha256)
      problems.push(`${image.file}: SHA-256 ${sha256(bytes)}, the manifest says ${image.sha256}`);
    files.push({
      path: image.file,
      url: image.upstream,
      bytes: image.bytes,
      sha256: image.sha256,
      caption: image.caption,
      category: image.category,
      ...(image.subcategory ? { subcategory: image.subcategory } : {}),
    });
  }
  if (manifest.licenseFile) {
    const bytes = await readFile(path.join(folder, manifest.licenseFile)).catch(() => null);
    if (!bytes) problems.push(`${manifest.licenseFile}: the licence file is missing beside the manifest`);
    if (bytes && args.licenseUrl) {
      files.push({ path: manifest.licenseFile, url: args.licenseUrl, bytes: bytes.byteLength, sha256: sha256(bytes) });
    }
  }
  if (problems.length) {
    throw new Error(`${args.manifest} does not match its files:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const homepage = args.homepage ?? manifest.homepage ?? pinnedTree(manifest.images.map((i) => i.upstream));
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
