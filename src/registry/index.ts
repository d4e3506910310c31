/**
 * Every pack of the registry, validated once on import. Static JSON imports so the same module works
 * under Vite (Astro) and in Node scripts.
 */
import { Pack, type ImagePack, type ImageSetInfo, type ModelPack, type ModelSpec } from './schema.ts';
import fastStyleLaMuse from '../../models/registry/fast-style-la_muse.json' with { type: 'json' };
import fastStyleMathura from '../../models/registry/fast-style-mathura.json' with { type: 'json' };
import fastStyleMatildePerez from '../../models/registry/fast-style-matilde_perez.json' with { type: 'json' };
import fastStyleMatta from '../../models/registry/fast-style-matta.json' with { type: 'json' };
import fastStyleRainPrincess from '../../models/registry/fast-style-rain_princess.json' with { type: 'json' };
import fastStyleScream from '../../models/registry/fast-style-scream.json' with { type: 'json' };
import fastStyleUdnie from '../../models/registry/fast-style-udnie.json' with { type: 'json' };
import fastStyleWave from '../../models/registry/fast-style-wave.json' with { type: 'json' };
import fastStyleWreck from '../../models/registry/fast-style-wreck.json' with { type: 'json' };
import imagesCorpus from '../../models/registry/images-corpus.json' with { type: 'json' };
import imagesPhotos from '../../models/registry/images-photos.json' with { type: 'json' };
import imagesStyles from '../../models/registry/images-styles.json' with { type: 'json' };
import imagesTextures from '../../models/registry/images-textures.json' with { type: 'json' };
import imagesTinyImagenet from '../../models/registry/images-tiny-imagenet.json' with { type: 'json' };
import tinyDarknet from '../../models/registry/tiny-darknet.json' with { type: 'json' };
import tinyVgg from '../../models/registry/tiny-vgg.json' with { type: 'json' };
import vgg19 from '../../models/registry/vgg19.json' with { type: 'json' };

const raw: unknown[] = [
  fastStyleLaMuse,
  fastStyleMathura,
  fastStyleMatildePerez,
  fastStyleMatta,
  fastStyleRainPrincess,
  fastStyleScream,
  fastStyleUdnie,
  fastStyleWave,
  fastStyleWreck,
  imagesCorpus,
  imagesPhotos,
  imagesStyles,
  imagesTextures,
  imagesTinyImagenet,
  tinyDarknet,
  tinyVgg,
  vgg19,
];

/** All packs, in registry order. A malformed entry fails here with Zod's path to the bad field. */
export const packs: readonly Pack[] = raw.map((entry) => Pack.parse(entry));

export const DEFAULT_MODEL = 'tiny-darknet';

export function modelPacks(): ModelPack[] {
  return packs.filter((p): p is ModelPack => p.kind === 'model');
}

export function imagePacks(): ImagePack[] {
  return packs.filter((p): p is ImagePack => p.kind === 'images');
}

/** An image pack that is an image set (its `set` is present). */
export type ImageSetPack = ImagePack & { set: ImageSetInfo };

/** The image packs that are image sets, in registry order. */
export function imageSetPacks(): ImageSetPack[] {
  return imagePacks().filter((p): p is ImageSetPack => p.set !== undefined);
}

/** One image of an image set. */
export interface ImageSetEntry {
  /** The image as recipes name it, "<pack>/<file>" (what imageRef makes of an author's "corpus/<file>"). */
  ref: string;
  /** Path of the file in the pack. */
  file: string;
  /** What the image shows, in one line. */
  caption: string;
  /** The image's category in the set. */
  category: string;
  /** The subcategory within the category, or null where the set gives none. */
  subcategory: string | null;
  /** Upstream URL of the file. */
  url: string;
}

/**
 * The images of an image set in registry order (the licence file left out). The id is the pack's
 * ("images-corpus") or the name authors write before the slash ("corpus"); anything else fails with the valid sets.
 * `among` is where to look: the registry's sets, or (at build time) those and the content folder's.
 */
export function imageSet(id: string, among: ImageSetPack[] = imageSetPacks()): ImageSetEntry[] {
  const pack = among.find((p) => p.id === id || p.id === `images-${id}`);
  if (!pack) {
    const sets = among.map((p) => p.id);
    throw new Error(`"${id}" is not an image set. Image sets: ${sets.length ? sets.join(', ') : 'none'}.`);
  }
  return pack.files.flatMap((f) =>
    f.caption === undefined || f.category === undefined
      ? []
      : [
          {
            ref: `${pack.id}/${f.path}`,
            file: f.path,
            caption: f.caption,
            category: f.category,
            subcategory: f.subcategory ?? null,
            url: f.url,
          },
        ],
  );
}

/** The pack with this id, or an error listing the valid ids. */
export function getPack(id: string): Pack {
  const pack = packs.find((p) => p.id === id);
  if (!pack) throw new Error(`Unknown pack "${id}". Known packs: ${packs.map((p) => p.id).join(', ')}.`);
  return pack;
}

/** The model pack with this id, or an error listing the valid model ids. */
export function getModel(id: string): ModelPack {
  const pack = packs.find((p) => p.id === id);
  if (pack?.kind !== 'model') {
    throw new Error(
      `Unknown model "${id}". Known models: ${modelPacks()
        .map((p) => p.id)
        .join(', ')}.`,
    );
  }
  return pack;
}

/** The engine's view of a model: everything but the file list (small enough to hand to a browser island). */
export function modelSpec(id: string): ModelSpec {
  const { files: _files, ...spec } = getModel(id);
  return spec;
}
