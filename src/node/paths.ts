/** Where things live on disk for Node-side code (scripts, tests, the Astro build). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packs } from '../registry/index.ts';

/**
 * The project root: the nearest folder at or above the working directory that holds the model registry.
 * (Not derived from this file's URL: Astro bundles this module into dist/ when it renders pages.)
 */
export const PROJECT_ROOT = findRoot(process.cwd());

function findRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'models', 'registry'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`Run LayerLens from its project folder (no models/registry/ above ${start}).`);
  }
}

/** The content folder: LAYERLENS_CONTENT (fixture sites in tests) or content/. Articles are in its articles/. */
export function contentDir(): string {
  return path.resolve(PROJECT_ROOT, process.env.LAYERLENS_CONTENT ?? 'content');
}

/** Fetched packs live here, one folder per pack id (git-ignored). LAYERLENS_STORE overrides it. */
export function storeDir(): string {
  return path.resolve(process.env.LAYERLENS_STORE ?? path.join(PROJECT_ROOT, 'models/store'));
}

/** The pack of the articles' own images (the content folder's images/; src/figures/content-images.ts). */
export const CONTENT_PACK = 'images-content';

/**
 * The folder of one pack: a fetched pack's in the store; the articles' own images and an author's image set
 * (content/image-sets/<name>/, pack images-<name>) are read where they are. A set folder never shadows a shipped
 * pack of the same id (the build refuses such a name).
 */
export function packDir(packId: string): string {
  if (packId === CONTENT_PACK) return path.join(contentDir(), 'images');
  const contentSet = path.join(contentDir(), 'image-sets', packId.replace(/^images-/, ''));
  const shipped = packs.some((p) => p.id === packId);
  return !shipped && packId.startsWith('images-') && existsSync(contentSet)
    ? contentSet
    : path.join(storeDir(), packId);
}

/** The mirror named by LAYERLENS_MIRROR (the models folder of a local mirror), or null. */
export function mirrorRoot(): string | null {
  const value = process.env.LAYERLENS_MIRROR;
  return value ? path.resolve(PROJECT_ROOT, value) : null;
}

/** Work folder for the precompute cache, manifest and reports (git-ignored). LAYERLENS_WORK overrides it. */
export function workDir(): string {
  return path.resolve(PROJECT_ROOT, process.env.LAYERLENS_WORK ?? '.layerlens');
}

/** The command a user runs to fetch one pack, for error messages. */
export function fetchHint(packId: string): string {
  return `npm run models -- ${packId}  (set LAYERLENS_MIRROR=../shared/models to copy from a local mirror)`;
}
