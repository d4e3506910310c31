/** Hashes of the cache's inputs: the engine's code, a model's weights, an image file. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../../src/figures/key.ts';
import { PROJECT_ROOT, packDir } from '../../src/node/paths.ts';
import { getPack } from '../../src/registry/index.ts';

/** Every file under src/engine (the code that computes figures), in path order. */
export async function engineHash(): Promise<string> {
  const root = path.join(PROJECT_ROOT, 'src/engine');
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
  const parts: (string | Uint8Array)[] = [];
  for (const file of files) parts.push(file, await readFile(path.join(root, file)));
  return hashOf(...parts);
}

/** A model's weights, by the registry's checksums (sizes where no checksum is recorded). */
export function weightsHash(modelId: string): string {
  return hashOf(...getPack(modelId).files.map((f) => `${f.path}:${f.sha256 ?? f.bytes}`));
}

/** An image of the store, "<pack>/<file>", by its bytes. */
export async function imageHash(ref: string): Promise<string> {
  const [pack, ...rest] = ref.split('/');
  return hashOf(await readFile(path.join(packDir(pack!), ...rest)));
}
