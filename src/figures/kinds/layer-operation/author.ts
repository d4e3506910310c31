/** <LayerOperation op="max-pool" />: props and the recipe (each operation has its own default model and layer). */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { imageProp, resizeProp } from '../../common/props.ts';
import { LAYER_OPS, type LayerOp } from './recipe.ts';

/** A model and layer that show each operation as the model itself computes it. */
const DEFAULTS: Record<LayerOp, { model: string; layer: string }> = {
  relu: { model: 'tiny-vgg', layer: 'conv_1_1' },
  'leaky-relu': { model: 'tiny-darknet', layer: 'conv2d_1' },
  'max-pool': { model: 'tiny-darknet', layer: 'max_pooling2d_1' },
  softmax: { model: 'tiny-darknet', layer: '' },
};

export const layerOperationAuthoring = defineAuthoring({
  kind: 'layer-operation',
  component: 'LayerOperation',
  summary:
    "one layer operation on real numbers from the photo: ReLU or leaky ReLU on a 4x4 patch of a map, max pooling's 2x2 windows, or the softmax's exp, sum and divide",
  props: z.object({
    op: z.enum(LAYER_OPS).describe('The operation: relu, leaky-relu, max-pool or softmax.'),
    model: z
      .string()
      .optional()
      .describe('Registered model id (default: tiny-vgg for relu, tiny-darknet for the others).'),
    layer: z
      .string()
      .optional()
      .describe('A conv layer with that non-linearity, or a max pool (default conv_1_1, conv2d_1, max_pooling2d_1).'),
    channel: z.number().int().nonnegative().default(0).describe('The channel of the map.'),
    x: z.number().int().nonnegative().default(24).describe('Left column of the 4x4 patch.'),
    y: z.number().int().nonnegative().default(24).describe('Top row of the 4x4 patch.'),
    k: z.number().int().min(2).max(10).default(5).describe('Classes listed by the softmax.'),
    image: imageProp,
    resize: resizeProp,
  }),
  names: (p) => {
    const model = p.model ?? DEFAULTS[p.op].model;
    const layers = p.op === 'softmax' ? undefined : { names: [p.layer ?? DEFAULTS[p.op].layer] };
    return { model, ...(layers ? { layers } : {}), images: [p.image] };
  },
  toRecipe: (p, context) => ({
    kind: 'layer-operation',
    op: p.op,
    model: p.model ?? DEFAULTS[p.op].model,
    layer: p.op === 'softmax' ? '' : (p.layer ?? DEFAULTS[p.op].layer),
    channel: p.channel,
    x: p.x,
    y: p.y,
    k: p.k,
    image: imageRef(p.image ?? context.photo),
    resize: p.resize,
  }),
  check: (recipe, context) => {
    if (recipe.op === 'softmax') return [];
    const count = context.channelCount(recipe.model, recipe.layer);
    return recipe.channel < count
      ? []
      : [
          `channel ${recipe.channel} does not exist in ${recipe.layer} of ${recipe.model}; valid channels: 0-${count - 1}`,
        ];
  },
  cost: () => 0.2,
});
