/**
 * The model and image registry: every external file LayerLens uses, where it comes from, how big it is
 * and its SHA-256, plus what the engine must know to run each model. One JSON document per pack lives in
 * models/registry/; this schema validates them (scripts and tests), the engine only uses the types.
 */
import { z } from 'zod';
import type { ModelSpec as EngineModelSpec } from '../engine/model/spec.ts';

export const RegistryFile = z.object({
  /** Path of the file inside the pack folder, as model.json or a manifest names it. */
  path: z.string().min(1),
  /** Upstream URL the fetch step downloads from. */
  url: z.url(),
  /** Exact size in bytes (for upstream-only files, computed from the weight manifest). */
  bytes: z.number().int().nonnegative(),
  /** SHA-256 of the file; null where no copy was ever available to hash (then the git blob id checks it). */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /**
   * The git blob id of the file as the upstream repository's tree publishes it (SHA-1 of "blob <size>\0" and
   * the bytes; `git ls-tree -l` lists it): verifies files never seen here, with the URL pinned to that commit.
   */
  gitBlob: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  /** True when the pack works without it (only the layers that need it refuse to load). */
  optional: z.boolean().optional(),
  /** False for a file whose rights are not cleared: it is used in local work, never published. */
  publish: z.boolean().optional(),
  /** The upstream file is cut down after download (the first N lines of a longer list). */
  derive: z.object({ firstLines: z.number().int().positive() }).optional(),
});
export type RegistryFile = z.infer<typeof RegistryFile>;

/** Every file is verified: by its SHA-256, or by its upstream git blob id (a cut-down file has no blob id of its own). */
function verified<T extends z.ZodType<RegistryFile>>(file: T): T {
  return file
    .refine((f) => f.sha256 !== null || f.gitBlob !== undefined, {
      message: 'a file needs a sha256 or a gitBlob, so that no download is accepted unchecked',
    })
    .refine((f) => !(f.derive && f.gitBlob), {
      message: 'a derived (cut-down) file cannot be checked by its upstream blob id',
    });
}
export const VerifiedFile = verified(RegistryFile);

/** A category or subcategory name of an image set: lower case, digits, "-" and "_". */
const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'use lower case letters, digits, "-" and "_"' });
/** Text that must stay on one line (a caption, a source). */
const OneLine = z
  .string()
  .min(1)
  .regex(/^[^\r\n]+$/, { message: 'write it on one line' });
/** A file path inside a pack: relative, "/"-separated, never leaving the pack. */
const PackPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), {
    message: 'a path inside the pack: relative, with "/" and no ".."',
  });
/** A SHA-256 as hex digits. */
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'a SHA-256 is 64 lower-case hex digits' });

/** A file of an image pack: a registry file, plus what an image set says of each image. */
export const ImageFile = RegistryFile.extend({
  /** What the image shows, in one line (image sets: shown on the credits page and to readers). */
  caption: OneLine.optional(),
  /** The image's category in its set (image sets), such as "animals". */
  category: Slug.optional(),
  /** The subcategory within the category, where the set has one, such as "birds". */
  subcategory: Slug.optional(),
});
export type ImageFile = z.infer<typeof ImageFile>;

const PackBase = z.object({
  /** Stable id: folder name in the store and the name authors write. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  /** Human-readable name. */
  name: z.string(),
  /** License of the files (and of the weights, where it differs). */
  license: z.string(),
  /** Folder of this pack relative to the mirror root (LAYERLENS_MIRROR names the mirror's models folder). */
  mirror: z.string(),
  /** Every file of the pack. */
  files: z.array(VerifiedFile).min(1),
});

export const Preprocessing = z.object({
  /** Value range fed to the network: 'unit' is [0,1], 'byte' is [0,255]. */
  scale: z.enum(['unit', 'byte']),
  /** Channel order the network expects. */
  channelOrder: z.enum(['rgb', 'bgr']),
  /** Per-channel mean subtracted after scaling, in the network's channel order. */
  mean: z.tuple([z.number(), z.number(), z.number()]),
});
export type Preprocessing = z.infer<typeof Preprocessing>;

export const ModelPack = PackBase.extend({
  kind: z.literal('model'),
  /** One paragraph on what the model is. */
  description: z.string(),
  /** Where the model is published. */
  homepage: z.url(),
  /** Weight format: a Keras layers model.json with weight groups, or a deeplearn.js checkpoint manifest. */
  format: z.enum(['keras-layers', 'deeplearn-checkpoint']),
  input: z.object({
    /** Default input width in pixels (0: any size). */
    width: z.number().int().nonnegative(),
    /** Default input height in pixels (0: any size). */
    height: z.number().int().nonnegative(),
    /** True when the network only accepts exactly width x height (it has dense layers). */
    fixedSize: z.boolean(),
  }),
  preprocessing: Preprocessing,
  /** Class names: a file of the pack with one label per line, or the list itself. */
  labels: z.union([z.object({ file: z.string() }), z.object({ names: z.array(z.string()) })]).optional(),
  /** True when the last layer gives raw scores (softmax is applied for probabilities). */
  outputIsLogits: z.boolean(),
  /** Layers a figure may name, in network order. */
  layers: z.array(z.string()),
});
export type ModelPack = z.infer<typeof ModelPack>;

/** What makes an image pack an image set: where the images come from and the terms they are published under. */
export const ImageSetInfo = z.strictObject({
  /** Where the images come from, in one line (credited on the credits page). */
  source: OneLine,
  /** The copyright line, without the word "Copyright": years and holders. */
  copyright: OneLine.optional(),
  /** A file of the pack holding the licence text, published with the images (required by GPL-style licences). */
  licenseFile: PackPath.optional(),
  /** The upstream repository or page of the set, pinned to the commit the files were taken from where there is one. */
  homepage: z.url().optional(),
});
export type ImageSetInfo = z.infer<typeof ImageSetInfo>;

export const ImagePack = PackBase.extend({
  kind: z.literal('images'),
  /** Every file of the pack (in an image set, every image with its caption and category, and the licence file). */
  files: z.array(verified(ImageFile)).min(1),
  /** Present when the pack is an image set: a collection of captioned, categorised images (see ImageSetManifest). */
  set: ImageSetInfo.optional(),
}).superRefine((pack, ctx) => {
  const licenseFile = pack.set?.licenseFile;
  if (licenseFile !== undefined && !pack.files.some((f) => f.path === licenseFile)) {
    ctx.addIssue({
      code: 'custom',
      path: ['set', 'licenseFile'],
      message: `the licence file "${licenseFile}" must be one of the pack's files, so that it is fetched and published with the images`,
    });
  }
  pack.files.forEach((file, i) => {
    if (file.subcategory !== undefined && file.category === undefined) {
      ctx.addIssue({ code: 'custom', path: ['files', i, 'category'], message: 'a subcategory needs a category' });
    }
    if (!pack.set || file.path === licenseFile) return;
    for (const field of ['caption', 'category'] as const) {
      if (file[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['files', i, field],
          message: `every image of an image set has a ${field} (${file.path} has none)`,
        });
      }
    }
  });
});
export type ImagePack = z.infer<typeof ImagePack>;

/** One image as an image set's manifest.json lists it. */
export const ImageSetManifestImage = z.strictObject({
  /** The image's file name, beside manifest.json; it becomes the file's path in the pack. */
  file: PackPath,
  /** The image's category, such as "animals". */
  category: Slug,
  /** The subcategory within the category, such as "birds"; null (or absent) when there is none. */
  subcategory: Slug.nullable().optional(),
  /** What the image shows, in one line. */
  caption: OneLine,
  /** Exact size in bytes. */
  bytes: z.number().int().nonnegative(),
  /** SHA-256 of the file. */
  sha256: Sha256,
  /**
   * Upstream URL of the file, pinned to a commit where the source has one. A registered set needs it (the fetch step
   * downloads from it); a set in the content folder is read where it is and may have none (an author's own photos).
   */
  upstream: z.url().optional(),
});
export type ImageSetManifestImage = z.infer<typeof ImageSetManifestImage>;

/**
 * The manifest.json of an image set: a folder of images with this file beside them (and the licence file it
 * names). scripts/register-image-set.ts turns one into a registry entry; an author's set in the content folder's
 * image-sets/<name>/ is read with it in place (src/figures/content-image-sets.ts); every image set uses this format.
 */
export const ImageSetManifest = z
  .strictObject({
    /** The set's name as the credits page titles it (a registered set takes --name instead). */
    name: OneLine.optional(),
    /** Where the images come from, in one line (the set's `source`). */
    source: OneLine,
    /** Licence of the images, as an SPDX identifier where there is one (the pack's `license`). */
    license: OneLine,
    /** The copyright line, without the word "Copyright": years and holders. */
    copyright: OneLine.optional(),
    /** The licence text's file name, beside manifest.json (published with the images). */
    licenseFile: PackPath.optional(),
    /** The upstream repository or page of the set (the set's `homepage`). */
    homepage: z.url().optional(),
    /** Every image of the set, in the order the set lists them. */
    images: z.array(ImageSetManifestImage).min(1),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.images.forEach((image, i) => {
      if (seen.has(image.file)) {
        ctx.addIssue({ code: 'custom', path: ['images', i, 'file'], message: `"${image.file}" is listed twice` });
      }
      if (image.file === manifest.licenseFile) {
        ctx.addIssue({
          code: 'custom',
          path: ['images', i, 'file'],
          message: `"${image.file}" is the licence file, not an image`,
        });
      }
      seen.add(image.file);
    });
  });
export type ImageSetManifest = z.infer<typeof ImageSetManifest>;

export const Pack = z.discriminatedUnion('kind', [ModelPack, ImagePack]);
export type Pack = z.infer<typeof Pack>;

/** What the engine needs of a model: the registry entry without its file list. */
export type ModelSpec = Omit<ModelPack, 'files'>;

/** Compile-time check: a registry model is what the engine expects of a model (src/engine/model/spec.ts). */
export type EngineCompatible = ModelSpec extends EngineModelSpec ? true : never;
const engineCompatible: EngineCompatible = true;
void engineCompatible;
