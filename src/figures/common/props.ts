/** Props several figure components share, each with the doc line the figure reference prints. */
import { z } from 'zod';
import { image as imageApi, type ResizeMode } from '../../engine/index.ts';
import { DEFAULT_MODEL } from '../../registry/index.ts';

const RESIZE_MODES = imageApi.RESIZE_MODES as [ResizeMode, ...ResizeMode[]];

export const modelProp = z.string().default(DEFAULT_MODEL).describe('Registered model id (default tiny-darknet).');
export const layerProp = z.string().describe('Keras layer name, e.g. conv2d_3 or block1_conv1.');
export const imageProp = z
  .string()
  .optional()
  .describe('Photo as "<file>" in images-photos or "<pack>/<file>"; default: the article\'s photo.');
export const resizeProp = z
  .enum(RESIZE_MODES)
  .default('squash')
  .describe('How the photo fits the model input: squash, center-crop or short-side.');
export const channelsProp = z
  .union([z.literal('all'), z.array(z.number().int().nonnegative()).min(1)])
  .default('all')
  .describe('Channels to draw, in order, or "all".');
export const whenFetchedProp = z
  .boolean()
  .default(false)
  .describe("Show the figure only when the model's weights for the layer are fetched (else a note says how).");

/** Optimisation figures (article 2). */
export const seedProp = z
  .number()
  .int()
  .nonnegative()
  .default(0)
  .describe('Seed of every random draw: the same seed gives the same image.');
export const sizeProp = z
  .number()
  .int()
  .min(16)
  .max(512)
  .optional()
  .describe("Image side in pixels (default: the build profile's).");
export const stepsProp = z
  .number()
  .int()
  .min(1)
  .max(4096)
  .optional()
  .describe("Optimisation steps (default: the build profile's).");
