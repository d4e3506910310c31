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
export const VerifiedFile = RegistryFile.refine((f) => f.sha256 !== null || f.gitBlob !== undefined, {
  message: 'a file needs a sha256 or a gitBlob, so that no download is accepted unchecked',
}).refine((f) => !(f.derive && f.gitBlob), {
  message: 'a derived (cut-down) file cannot be checked by its upstream blob id',
});

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

export const ImagePack = PackBase.extend({
  kind: z.literal('images'),
});
export type ImagePack = z.infer<typeof ImagePack>;

export const Pack = z.discriminatedUnion('kind', [ModelPack, ImagePack]);
export type Pack = z.infer<typeof Pack>;

/** What the engine needs of a model: the registry entry without its file list. */
export type ModelSpec = Omit<ModelPack, 'files'>;

/** Compile-time check: a registry model is what the engine expects of a model (src/engine/model/spec.ts). */
export type EngineCompatible = ModelSpec extends EngineModelSpec ? true : never;
const engineCompatible: EngineCompatible = true;
void engineCompatible;
