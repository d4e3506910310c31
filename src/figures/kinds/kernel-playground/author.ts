/** <KernelPlayground kernel="sobel-x" channel={3} />: props and the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { imageProp, modelProp, resizeProp } from '../../common/props.ts';
import { KERNEL_NAMES, KERNEL_PRESETS, type KernelName } from './presets.ts';

const presetName = z.enum(KERNEL_NAMES);

/** The starting preset: the author's, else Sobel x when offered (an edge detector, beside learned ones), else the first. */
function startingKernel(kernels: KernelName[], kernel: KernelName | undefined): KernelName {
  return kernel ?? (kernels.includes('sobel-x') ? 'sobel-x' : kernels[0]!);
}

export const kernelPlaygroundAuthoring = defineAuthoring({
  kind: 'kernel-playground',
  component: 'KernelPlayground',
  summary:
    'the photo in grey through a hand-made 3x3 kernel (identity, box blur, sharpen, Sobel x and y) the reader picks or edits, beside a learned first-layer filter, its numbers per colour channel and its map of the same photo',
  props: z
    .object({
      kernels: z
        .array(presetName)
        .min(1)
        .default([...KERNEL_NAMES])
        .describe(`Presets to offer, in order (default all): ${KERNEL_NAMES.join(', ')}.`),
      kernel: presetName.optional().describe('Starting preset (default sobel-x when offered, else the first offered).'),
      image: imageProp,
      resize: resizeProp,
      model: modelProp,
      layer: z
        .string()
        .default('conv2d_1')
        .describe(
          'The first conv layer, whose learned filter is shown (conv2d_1 in tiny-darknet, conv_1_1 in tiny-vgg).',
        ),
      channel: z
        .number()
        .int()
        .nonnegative()
        .default(0)
        .describe('The learned filter (output channel) set beside the kernel.'),
    })
    .refine((p) => !p.kernel || p.kernels.includes(p.kernel), {
      path: ['kernel'],
      message: 'the starting kernel must be one of the offered kernels; add it to kernels or start with one of them',
    }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer], only: 'conv' }, images: [p.image] }),
  toRecipe: (p, context) => ({
    kind: 'kernel-playground',
    model: p.model,
    image: imageRef(p.image ?? context.photo),
    resize: p.resize,
    kernel: [...KERNEL_PRESETS[startingKernel(p.kernels, p.kernel)].weights],
    kernels: [...new Set(p.kernels)],
    layer: p.layer,
    channel: p.channel,
  }),
  check: (recipe, context) => {
    const problems: string[] = [];
    // The learned filter must read the photo's colours, as the hand-made kernel reads its grey.
    const first = context.fetchedConvLayers(recipe.model)[0];
    if (first && recipe.layer !== first)
      problems.push(
        `layer ${recipe.layer} does not read the photo: a kernel playground sets a filter of ${recipe.model}'s first conv layer, ${first}, beside the kernel`,
      );
    const count = context.channelCount(recipe.model, recipe.layer);
    if (recipe.channel >= count)
      problems.push(
        `channel ${recipe.channel} does not exist in ${recipe.layer} of ${recipe.model}; valid channels: 0-${count - 1}`,
      );
    return problems;
  },
  cost: () => 0.2,
});
