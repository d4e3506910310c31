/**
 * What an author may name, for the reference pages: each image pack's files as a figure's `image` (or the
 * frontmatter's `photo`) writes them, and each model's layers and classes. Read from the registry, the content
 * folder and the models' topologies, the same sources the build checks names against. Build-time only.
 */
import { modelPacks } from '../registry/index.ts';
import type { ImagePack, ModelPack } from '../registry/schema.ts';
import { classLabels, layerShape, missingWeightFiles } from '../node/model-info.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packDir } from '../node/paths.ts';
import { authorName, nameableFiles } from './check-image.ts';
import { allImagePacks } from './image-packs.ts';

export interface ImagePackReference {
  id: string;
  name: string;
  license: string;
  /** How an author writes a file of the pack: "<file>" for images-photos, "<pack>/<file>" otherwise. */
  pattern: string;
  /** Every file an author may name, as written (empty for an image set: the credits page lists its images). */
  images: string[];
  /** An image set: how many images it has (its files are listed on the credits page). */
  setSize: number | null;
}

export interface LayerReference {
  name: string;
  /** Output shape without the batch, e.g. [56, 56, 32]; null when the model's topology is not fetched. */
  shape: number[] | null;
  /** Whether the weights up to this layer are fetched (a figure of it otherwise needs whenFetched). */
  fetched: boolean;
}

export interface ModelReference {
  id: string;
  name: string;
  description: string;
  /** Input side in pixels (0: any size). */
  input: { width: number; height: number };
  layers: LayerReference[];
  /** Classes by output index: label and WordNet id where the pack has one (empty when it names none). */
  classes: { index: number; label: string; wnid: string | null }[];
}

/** Every image pack a build may use, shipped then the content folder's, with the names an author writes. */
export function imagePackReference(): ImagePackReference[] {
  return allImagePacks().map((pack: ImagePack) => {
    const files = nameableFiles(pack);
    return {
      id: pack.id,
      name: pack.name,
      license: pack.license,
      pattern: authorName(pack, '<file>'),
      images: pack.set ? [] : files.map((file) => authorName(pack, file)),
      setSize: pack.set ? files.length : null,
    };
  });
}

/** Whether a model's topology (model.json) is in the store: without it, its shapes and classes are unknown. */
function fetched(model: ModelPack): boolean {
  return existsSync(path.join(packDir(model.id), 'model.json'));
}

/** Models whose layers figures name (the fast style networks have none: FastStyle's `styles` names them). */
export function modelReference(): ModelReference[] {
  return modelPacks()
    .filter((model) => model.layers.length > 0)
    .map((model) => {
      const known = fetched(model);
      const labels = known ? classLabels(model.id) : [];
      return {
        id: model.id,
        name: model.name,
        description: model.description,
        input: { width: model.input.width, height: model.input.height },
        layers: model.layers.map((name) => ({
          name,
          shape: known ? layerShape(model.id, name) : null,
          fetched: known && missingWeightFiles(model.id, name).length === 0,
        })),
        classes: labels.some((l) => l.label)
          ? labels.map((l, index) => ({ index, label: l.label, wnid: l.wnid ?? null }))
          : [],
      };
    });
}
