/**
 * Authors' own image sets: each a folder of the content folder's image-sets/, `<name>/manifest.json` (the
 * image-set manifest every set uses: source, licence, each image's category, caption, size and SHA-256) with
 * its images and licence file beside it. A set is the pack `images-<name>`, read where it is (never copied into
 * the store), named like a shipped set (`set="<name>"`, images `<name>/<file>`), indexed, cached and published
 * with its credit like one. A file that changed, is missing or is not listed fails the build with the fix.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../node/paths.ts';
import { checkSetFiles, manifestEntryFor, readSetManifest } from '../node/image-set-folder.ts';
import { packs, type ImageSetPack } from '../registry/index.ts';
import type { ImageSetManifest } from '../registry/schema.ts';

/** The content folder's folder of image sets. */
export const CONTENT_SETS_FOLDER = 'image-sets';

export interface ContentSetsCheck {
  /** The sets that check out, as packs. */
  packs: ImageSetPack[];
  /** What is wrong, each with the file and the fix. */
  problems: string[];
}

const IMAGE_FILE = /\.(jpe?g|png|webp|gif)$/i;
const SET_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const checked = new Map<string, ContentSetsCheck>();

/** The content folder's image sets, checked once per content folder. */
export function contentImageSets(): ContentSetsCheck {
  const folder = path.join(contentDir(), CONTENT_SETS_FOLDER);
  let result = checked.get(folder);
  if (!result) {
    result = checkAll(folder);
    checked.set(folder, result);
  }
  return result;
}

function checkAll(folder: string): ContentSetsCheck {
  if (!existsSync(folder)) return { packs: [], problems: [] };
  const names = readdirSync(folder).filter((name) => statSync(path.join(folder, name)).isDirectory());
  const results = names.sort().map((name) => checkSet(path.join(folder, name), name));
  return {
    packs: results.flatMap((r) => (r.pack ? [r.pack] : [])),
    problems: results.flatMap((r) => r.problems),
  };
}

function checkSet(folder: string, name: string): { pack: ImageSetPack | null; problems: string[] } {
  const where = path.relative(process.cwd(), folder);
  const id = `images-${name}`;
  if (!SET_NAME.test(name))
    return { pack: null, problems: [`${where}: name a set folder with lower case letters, digits, "-" and "_"`] };
  if (packs.some((p) => p.id === id))
    return { pack: null, problems: [`${where}: a shipped pack is already called "${name}"; rename the folder`] };
  const read = readSetManifest(path.join(folder, 'manifest.json'), `${where}/manifest.json`);
  if (!read.manifest) return { pack: null, problems: read.problems.map((p) => withTemplate(p, where)) };
  const { files, problems } = checkSetFiles(folder, read.manifest, where);
  problems.push(...unlisted(folder, read.manifest, where));
  return { pack: problems.length ? null : packOf(id, name, read.manifest, files), problems };
}

/** A missing manifest's message says what one looks like. */
function withTemplate(problem: string, where: string): string {
  if (!problem.endsWith('is missing')) return problem;
  const template = { name: '…', source: '…', license: '…', images: [{ file: '…', category: '…', caption: '…' }] };
  return `${problem}: write one like ${JSON.stringify(template)} (each image also records its bytes and sha256; the build says them) in ${where}/manifest.json`;
}

/** Image files in the folder that the manifest does not list, each with the entry to add. */
function unlisted(folder: string, manifest: ImageSetManifest, where: string): string[] {
  const listed = new Set(manifest.images.map((i) => i.file));
  return readdirSync(folder)
    .filter((f) => IMAGE_FILE.test(f) && !listed.has(f))
    .map(
      (f) =>
        `${where}/${f} is not listed: add ${manifestEntryFor(folder, f)} to the "images" of ${where}/manifest.json`,
    );
}

function packOf(id: string, name: string, manifest: ImageSetManifest, files: ImageSetPack['files']): ImageSetPack {
  return {
    id,
    kind: 'images',
    name: manifest.name ?? `Image set "${name}"`,
    license: manifest.license,
    mirror: '',
    set: {
      source: manifest.source,
      ...(manifest.copyright ? { copyright: manifest.copyright } : {}),
      ...(manifest.licenseFile ? { licenseFile: manifest.licenseFile } : {}),
      ...(manifest.homepage ? { homepage: manifest.homepage } : {}),
    },
    files,
  };
}
