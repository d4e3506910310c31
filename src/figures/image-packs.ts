/**
 * Every image pack a build may use: the registry's shipped packs, the articles' own images (the content
 * folder's images/) and the authors' image sets (its image-sets/), those that check out. Build-time only (it
 * reads the content folder); the registry alone stays what the browser may import.
 */
import {
  imagePacks,
  imageSet,
  imageSetPacks,
  packs,
  type ImageSetEntry,
  type ImageSetPack,
} from '../registry/index.ts';
import type { ImagePack, Pack } from '../registry/schema.ts';
import { contentImageSets } from './content-image-sets.ts';
import { contentImages } from './content-images.ts';

/** The content folder's packs: its own images and its image sets. */
export function contentPacks(): ImagePack[] {
  const own = contentImages().pack;
  return [...(own ? [own] : []), ...contentImageSets().packs];
}

/** The shipped image packs, then the content folder's. */
export function allImagePacks(): ImagePack[] {
  return [...imagePacks(), ...contentPacks()];
}

/** The shipped image sets, then the content folder's. */
export function allImageSetPacks(): ImageSetPack[] {
  return [...imageSetPacks(), ...contentImageSets().packs];
}

/** The images of a shipped or content set ("corpus" or "images-corpus"); unknown names fail with the valid sets. */
export function anyImageSet(id: string): ImageSetEntry[] {
  return imageSet(id, allImageSetPacks());
}

/** A shipped or content pack by id, or an error listing the valid ids. */
export function anyPack(id: string): Pack {
  const all: Pack[] = [...packs, ...contentPacks()];
  const pack = all.find((p) => p.id === id);
  if (!pack) throw new Error(`Unknown pack "${id}". Known packs: ${all.map((p) => p.id).join(', ')}.`);
  return pack;
}
