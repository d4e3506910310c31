/**
 * How many bytes a page's recompute fetches per model, said before the reader asks for it: the files the
 * engine's load() reads for the page's load plan (model.json, the label file, the weight shards up to the
 * deepest layer), sized from the registry, which records every file's size.
 */
import type { ModelDownload } from '../client/download-size.ts';
import type { LoadPlan } from '../figures/inputs/load-plan.ts';
import { getModel } from '../registry/index.ts';
import { weightFiles } from './model-info.ts';

/** One entry per model of the plan, in the plan's order. */
export function modelDownloads(depth: LoadPlan['depth']): ModelDownload[] {
  return Object.entries(depth).map(([id, layers]) => {
    const pack = getModel(id);
    const sizes = new Map(pack.files.map((file) => [file.path, file.bytes]));
    const labels = pack.labels && 'file' in pack.labels ? [pack.labels.file] : [];
    const files =
      pack.format === 'keras-layers' && layers !== 'whole' && fetched(id)
        ? ['model.json', ...labels, ...weightFiles(id, layers)]
        : [...sizes.keys()];
    return {
      id,
      // "Tiny Darknet (ImageNet-1k)" reads "Tiny Darknet"; "Fast style transfer: The Great Wave (Hokusai)" keeps its title.
      name: pack.name.replace(/\s*\(.*\)\s*$/, ''),
      bytes: files.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0),
    };
  });
}

/** Whether model.json is in the store (without it the build cannot tell the shards apart: count them all). */
function fetched(id: string): boolean {
  try {
    weightFiles(id, []);
    return true;
  } catch {
    return false;
  }
}
