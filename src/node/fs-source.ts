/** A pack read from a folder on disk: the fetched store, or a mirror folder. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackSource } from '../engine/source.ts';
import { getPack } from '../registry/index.ts';
import { mirrorRoot, packDir } from './paths.ts';

export class FolderSource implements PackSource {
  constructor(readonly location: string) {}

  async readBytes(file: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(path.join(this.location, file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

/** The fetched copy of a pack in the store. */
export function storeSource(packId: string): FolderSource {
  return new FolderSource(packDir(packId));
}

/** The pack's folder in the mirror that LAYERLENS_MIRROR names (tests read models from there). */
export function mirrorSource(packId: string): FolderSource {
  const root = mirrorRoot();
  if (!root)
    throw new Error('LAYERLENS_MIRROR is not set; point it at a mirror models folder (../shared/models here).');
  return new FolderSource(path.join(root, getPack(packId).mirror));
}
