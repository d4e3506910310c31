/**
 * Which articles the kit carries, and the files they need: every figure's recipe at the gpu profile says
 * which models, images and image sets it reads (the same `readsOf` the precompute plans with). By default,
 * articles in ARTICLE_ORDER while their files fit the space left; `--articles a,b` names them instead.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROFILES } from '../../../src/figures/profiles.ts';
import { readsOf } from '../../../src/figures/registry/compute.ts';
import { CONTENT_PACK, contentDir, packDir } from '../../../src/node/paths.ts';
import { collectArticle, emptyCollection } from '../../../src/node/precompute/collect-figures.ts';
import { TIMING_IMAGES, TIMING_PACKS } from './timings.ts';

/**
 * The default's order: what the gpu profile changes most first (the dreams' 224 px and 512 steps, then the
 * attribution samples), the rest after. The style article needs all nine fast-style networks (59 MB) and the
 * embedding article the 274-image corpus: they go only when asked for or when they fit.
 */
export const ARTICLE_ORDER = [
  'what-filters-dream-of',
  'where-the-network-looks',
  'what-each-layer-sees',
  'how-a-convolution-works',
  'writing-for-layerlens',
  'what-the-last-layer-knows',
  'style-layer-by-layer',
];

/** Files of the project the kit ships, relative to the project root, with their sizes. */
export type FileSet = Map<string, number>;

/** The store files one article's figures read (whole model packs and image sets; single images). */
export async function articleFiles(slug: string): Promise<FileSet> {
  const collected = emptyCollection();
  await collectArticle(collected, path.join(contentDir(), 'articles', `${slug}.mdx`), PROFILES.gpu);
  if (collected.problems.length) throw new Error(`${slug}: ${collected.problems.join('; ')}`);
  const files: FileSet = new Map();
  for (const recipe of collected.recipes.values()) {
    const reads = readsOf(recipe);
    for (const pack of [...Object.keys(reads.models), ...(reads.sets ?? []).map((s) => s.set)]) addPack(files, pack);
    for (const image of reads.images) addImage(files, image);
  }
  return files;
}

/** What the engine timings read, whatever the articles. */
export function timingFiles(): FileSet {
  const files: FileSet = new Map();
  for (const pack of TIMING_PACKS) addPack(files, pack);
  for (const image of TIMING_IMAGES) addImage(files, image);
  return files;
}

/** Adds the articles in order while the files fit in `room` bytes; returns the articles taken and skipped. */
export async function chooseArticles(
  base: FileSet,
  room: number,
  slugs = ARTICLE_ORDER,
): Promise<{ taken: string[]; skipped: string[]; files: FileSet }> {
  const files = new Map(base);
  const [taken, skipped]: [string[], string[]] = [[], []];
  for (const slug of slugs) {
    const merged = new Map([...files, ...(await articleFiles(slug))]);
    if (bytes(merged) > room) {
      skipped.push(slug);
      continue;
    }
    taken.push(slug);
    merged.forEach((size, file) => files.set(file, size));
  }
  return { taken, skipped, files };
}

export function bytes(files: FileSet): number {
  return [...files.values()].reduce((a, b) => a + b, 0);
}

/** Store files go to models/store/<pack>/ in the kit; the content folder's own images and sets travel with it. */
function addPack(files: FileSet, pack: string): void {
  const dir = packDir(pack);
  if (isContent(dir)) return;
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, file);
    if (statSync(full).isFile()) files.set(path.join('models', 'store', pack, file), statSync(full).size);
  }
}

function addImage(files: FileSet, ref: string): void {
  const [pack, ...rest] = ref.split('/');
  const dir = packDir(pack!);
  if (pack === CONTENT_PACK || isContent(dir)) return;
  files.set(path.join('models', 'store', pack!, ...rest), statSync(path.join(dir, ...rest)).size);
}

const isContent = (dir: string) => !path.relative(contentDir(), dir).startsWith('..');
