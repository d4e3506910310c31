/** Where things live on disk for Node-side code (scripts, tests, the Astro build). */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Fetched packs live here, one folder per pack id (git-ignored). LAYERLENS_STORE overrides it. */
export function storeDir(): string {
  return path.resolve(process.env.LAYERLENS_STORE ?? path.join(PROJECT_ROOT, 'models/store'));
}

/** The folder of one fetched pack. */
export function packDir(packId: string): string {
  return path.join(storeDir(), packId);
}

/** The mirror named by LAYERLENS_MIRROR (the models folder of a local mirror), or null. */
export function mirrorRoot(): string | null {
  const value = process.env.LAYERLENS_MIRROR;
  return value ? path.resolve(PROJECT_ROOT, value) : null;
}

/** Work folder for caches and reports (git-ignored). */
export function workDir(): string {
  return path.join(PROJECT_ROOT, '.layerlens');
}

/** The command a user runs to fetch one pack, for error messages. */
export function fetchHint(packId: string): string {
  return `npm run models -- ${packId}  (set LAYERLENS_MIRROR=../shared/models to copy from a local mirror)`;
}
