/** Props of the figures that compare a photo with an image set, each with its doc line. */
import { z } from 'zod';
import { image as imageApi, type ResizeMode } from '../../../engine/index.ts';
import { allImageSetPacks } from '../../image-packs.ts';
import { suggestion } from '../../suggest.ts';

const RESIZE_MODES = imageApi.RESIZE_MODES as [ResizeMode, ...ResizeMode[]];

export const setProp = z
  .string()
  .default('corpus')
  .refine(isImageSet, {
    error: (issue) =>
      `"${String(issue.input)}" is not an image set${suggestion(String(issue.input), setNames())}; image sets: ${setNames().join(', ')}.`,
  })
  .describe(
    'Image set the photo is compared with: "corpus" (274 photo cut-outs, GPL-2.0+; see /credits/), or a set of the content folder\'s image-sets/.',
  );
export const featureLayerProp = z
  .string()
  .default('conv2d_15')
  .describe('Layer whose features are compared: a conv layer (its channel means) or "logits".');
export const setResizeProp = z
  .enum(RESIZE_MODES)
  .default('center-crop')
  .describe("How the photo fits the model input (default center-crop: the set's images are square).");
export const neighbourCountProp = z
  .number()
  .int()
  .min(1)
  .max(12)
  .default(5)
  .describe('How many nearest neighbours to show.');

function isImageSet(name: string): boolean {
  return allImageSetPacks().some((p) => p.id === name || p.id === `images-${name}`);
}

function setNames(): string[] {
  return allImageSetPacks().map((p) => p.id.replace(/^images-/, ''));
}
