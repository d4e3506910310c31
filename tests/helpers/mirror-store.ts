/**
 * Global setup of the fast tests: a store made of links into the mirror (one per pack, named by pack id), so
 * prop validation reads model topologies and sees which weight files exist without `npm run models` and
 * without reading a weight. The same answers as a fetched store, since the store is a copy of the mirror.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { packs } from '../../src/registry/index.ts';
import { mirrorRoot } from '../../src/node/paths.ts';
import { MIRROR_STORE } from './mirror-store-path.ts';

export default async function setup(): Promise<void> {
  const mirror = mirrorRoot();
  if (!mirror || !existsSync(mirror)) {
    throw new Error(
      `The fast tests read model topologies from the mirror: set LAYERLENS_MIRROR (../shared/models here).`,
    );
  }
  await rm(MIRROR_STORE, { recursive: true, force: true });
  await mkdir(MIRROR_STORE, { recursive: true });
  for (const pack of packs) await symlink(path.join(mirror, pack.mirror), path.join(MIRROR_STORE, pack.id), 'dir');
}
