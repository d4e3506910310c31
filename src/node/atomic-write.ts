/** Files written whole or not at all. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Write to a temporary sibling, then rename: a reader never sees a half-written file. */
export async function writeAtomically(target: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, target);
}
