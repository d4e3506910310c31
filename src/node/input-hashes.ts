/** Hashes of the precompute cache's inputs: the engine's code, a pack's files (weights, an image set), an image file. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../figures/key.ts';
import { PROJECT_ROOT, packDir } from './paths.ts';
import { anyPack } from '../figures/image-packs.ts';

/**
 * The code that computes figures, in path order: the engine, and the figure layer's compute side (every
 * TypeScript file of src/figures but the author side, the live browser side and tests). A change to any of
 * it recomputes every figure; a change to an Astro component or a caption recomputes none.
 */
export async function computeCodeHash(): Promise<string> {
  const parts: (string | Uint8Array)[] = [];
  for (const folder of ['src/engine', 'src/figures']) {
    const root = path.join(PROJECT_ROOT, folder);
    const files = (await readdir(root, { recursive: true })).filter(isComputeCode).sort();
    for (const file of files) parts.push(`${folder}/${file}`, await readFile(path.join(root, file)));
  }
  return hashOf(...parts);
}

function isComputeCode(file: string): boolean {
  const name = path.basename(file);
  return file.endsWith('.ts') && !file.endsWith('.test.ts') && name !== 'author.ts' && name !== 'live.ts';
}

/** A pack's files (a model's weights, an image set), by the registry's checksums (sizes where none is recorded). */
export function weightsHash(modelId: string): string {
  return hashOf(...anyPack(modelId).files.map((f) => `${f.path}:${f.sha256 ?? f.bytes}`));
}

/** An image of the store, "<pack>/<file>", by its bytes. */
export async function imageHash(ref: string): Promise<string> {
  const [pack, ...rest] = ref.split('/');
  return hashOf(await readFile(path.join(packDir(pack!), ...rest)));
}
