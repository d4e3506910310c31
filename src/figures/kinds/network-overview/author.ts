/** <NetworkOverview />: props, what they name, the recipe (Tiny VGG whole by default, or a run of any model). */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { imageProp, whenFetchedProp } from '../../common/props.ts';
import { getModel, getPack } from '../../../registry/index.ts';
import { image as imageApi, type ResizeMode } from '../../../engine/index.ts';

const RESIZE_MODES = imageApi.RESIZE_MODES as [ResizeMode, ...ResizeMode[]];
/** The pack of CNN Explainer's samples, whose classes are Tiny VGG's. */
const SAMPLES_PACK = 'images-tiny-imagenet';

export const networkOverviewAuthoring = defineAuthoring({
  kind: 'network-overview',
  component: 'NetworkOverview',
  summary:
    'every layer of a run for one photo, a column per layer and a map per channel, with the class probabilities; focus a map to see what it reads, open it to see its computation',
  props: z.object({
    model: z.string().default('tiny-vgg').describe('Registered model id (default tiny-vgg).'),
    image: imageProp,
    from: z.string().optional().describe("First layer of the run (default: the model's first listed layer)."),
    to: z
      .string()
      .optional()
      .describe("Last layer of the run (default: the model's last listed layer; Tiny VGG: its softmax output)."),
    channels: z
      .number()
      .int()
      .min(1)
      .max(32)
      .default(10)
      .describe('Channels drawn per layer, evenly spaced when a layer has more (Tiny VGG has 10).'),
    pick: z
      .enum(['sampled', 'paged'])
      .default('sampled')
      .describe(
        'A layer with more channels shows them evenly spaced (sampled) or a page at a time, the reader paging on (paged).',
      ),
    page: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe('The page shown first when paged (0: channels 0 to channels-1).'),
    tile: z
      .number()
      .int()
      .min(24)
      .max(96)
      .optional()
      .describe('Side of each map in pixels (default 40 for a 64x64 model, 56 otherwise); never drawn smaller.'),
    presets: z
      .union([z.boolean(), z.array(z.string()).max(20)])
      .optional()
      .describe(
        'Images the reader can pick: a list, true for the Tiny ImageNet samples, or false (default: true with tiny-vgg, false otherwise).',
      ),
    resize: z
      .enum(RESIZE_MODES)
      .default('center-crop')
      .describe('How the photo fits the model input: center-crop (default), squash or short-side.'),
    whenFetched: whenFetchedProp,
  }),
  names: (p) => ({
    model: p.model,
    layers: { names: [p.from, p.to].filter((l) => l !== undefined) },
    images: [p.image, ...(Array.isArray(p.presets) ? p.presets : [])],
    whenFetched: p.whenFetched,
  }),
  toRecipe: (p, context) => {
    const model = getModel(p.model);
    return {
      kind: 'network-overview',
      model: p.model,
      image: imageRef(p.image ?? context.photo),
      resize: p.resize,
      from: p.from ?? model.layers[0]!,
      to: p.to ?? model.layers[model.layers.length - 1]!,
      channels: p.channels,
      pick: p.pick,
      page: p.page,
      tile: p.tile ?? (model.input.width <= 64 ? 40 : 56),
      presets: presetRefs(p.presets ?? p.model === 'tiny-vgg'),
    };
  },
  cost: (recipe) => (recipe.model === 'tiny-vgg' ? 0.05 : 0.3),
});

/** The author's list, or the first sample of each class of the Tiny ImageNet pack (boat_1, bug_1, ...). */
function presetRefs(presets: boolean | string[]): string[] {
  if (Array.isArray(presets)) return presets.map(imageRef);
  if (!presets) return [];
  const first = new Map<string, string>();
  for (const file of getPack(SAMPLES_PACK).files) {
    const sampleClass = file.path.split('_')[0]!;
    if (!first.has(sampleClass)) first.set(sampleClass, file.path);
  }
  return [...first.values()].map((file) => `${SAMPLES_PACK}/${file}`);
}
