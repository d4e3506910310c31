/** Props the style-transfer figures share (article 3). */
import { z } from 'zod';

/** The fast-style networks, by the style name authors write (model id: fast-style-<name>). */
export const FAST_STYLES = [
  'la_muse',
  'mathura',
  'matilde_perez',
  'matta',
  'rain_princess',
  'scream',
  'udnie',
  'wave',
  'wreck',
] as const;

export const vggModelProp = z
  .string()
  .default('vgg19')
  .describe('Network the losses are measured with (default vgg19).');
export const contentImageProp = z
  .string()
  .optional()
  .describe("Content photo, as for the other figures; default: the article's photo.");
export const styleProp = z
  .string()
  .describe(
    'Painting as "styles/<file>" (e.g. styles/starrynight.jpg); la_muse and rain_princess may not be published.',
  );
export const layerListProp = z.array(z.string()).min(1);
export const contentLayerProp = z
  .string()
  .default('block3_conv2')
  .describe('Layer whose activations the result keeps from the photo.');
export const contentWeightProp = z
  .number()
  .positive()
  .default(1e4)
  .describe('Weight of the content term (TensorFlow tutorial: 1e4).');
export const styleWeightProp = z
  .number()
  .positive()
  .default(1e-2)
  .describe('Weight of the style term (TensorFlow tutorial: 1e-2).');
export const tvWeightProp = z
  .number()
  .nonnegative()
  .default(30)
  .describe('Weight of the total-variation (smoothness) term (TensorFlow tutorial: 30).');
export const maxSideProp = z
  .number()
  .int()
  .min(32)
  .max(1024)
  .optional()
  .describe("Longest side of the result in pixels (default: the build profile's).");
export const styleWhenFetchedProp = z
  .boolean()
  .default(false)
  .describe("Show only when every named layer's weights are fetched (full VGG19).");
export const CLASSIC_STYLE_LAYERS = ['block1_conv1', 'block2_conv1', 'block3_conv1'];
