/** The figure inputs in Node: models from the store (or the mirror), images decoded with sharp. */
import path from 'node:path';
import { CachedInputs } from '../figures/inputs/cached-inputs.ts';
import type { LoadPlan } from '../figures/inputs/load-plan.ts';
import { modelSpec } from '../registry/index.ts';
import { mirrorSource, storeSource } from './fs-source.ts';
import { decodeImageFile } from './image.ts';
import { packDir } from './paths.ts';
import { nodeSetIndex } from './set-index-store.ts';

/** The path of a store image, "<pack>/<file>". */
export function imagePath(ref: string): string {
  const [pack, ...rest] = ref.split('/');
  return path.join(packDir(pack!), ...rest);
}

export function nodeInputs(plan: LoadPlan, from: 'store' | 'mirror' = 'store'): CachedInputs {
  return new CachedInputs(
    {
      spec: modelSpec,
      source: (model) => (from === 'mirror' ? mirrorSource(model) : storeSource(model)),
      decode: (ref) => decodeImageFile(imagePath(ref)),
      setIndex: nodeSetIndex,
    },
    plan,
  );
}
