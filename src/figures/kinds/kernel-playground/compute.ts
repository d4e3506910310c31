/**
 * One image of three tiles: the photo in grey, the hand-made kernel's output (the engine's tfjs conv2d),
 * and the learned filter's map from the photo's shared pass; plus the learned filter's numbers (batch norm
 * folded in) from the engine's convWindow. The build and the page's worker run this same code, so an
 * edited kernel is recomputed exactly as the precomputed one was.
 */
import { operations, visual, type RgbaImage } from '../../../engine/index.ts';
import { PAGE_BACKGROUND } from '../../common/atlas-style.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import { TILES, type KernelPlaygroundData, type KernelPlaygroundRecipe } from './recipe.ts';

/** A single output position: convWindow is asked for the filter's weights, not for a patch. */
const ONE_POSITION = { x: 0, y: 0, width: 1, height: 1 };

export const kernelPlayground: FigureComputation<KernelPlaygroundRecipe, KernelPlaygroundData> = {
  reads: (recipe) => ({
    models: { [recipe.model]: [recipe.layer] },
    images: [recipe.image],
    analysis: { model: recipe.model, image: recipe.image, layers: [recipe.layer] },
  }),
  async compute(recipe, inputs, run) {
    const { model, layer, channel, resize } = recipe;
    const [network, pixels, analysis] = await Promise.all([
      inputs.network(model),
      inputs.image(recipe.image),
      inputs.analysis(model, recipe.image),
    ]);
    const unit = await operations.convWindow(network, pixels, layer, channel, ONE_POSITION, resize);
    const [height, width] = unit.inputSize;
    const map = await analysis.layer(layer, resize);
    const frame = mapFrame([height, width], map.shape, unit.strides);
    if (frame === null)
      throw new Error(
        `${layer} of ${model} maps the ${width}x${height} photo to ${map.shape[1]}x${map.shape[0]}: a kernel playground needs a stride-1 first layer.`,
      );
    run.signal?.throwIfAborted();
    const hand = await operations.handKernel(pixels, recipe.kernel, { width, height }, resize);
    // A 'valid' layer's map is smaller: framed so that each value sits over the pixel its window centres on.
    const learned = visual.featureMapAtlas(map.data, map.shape, [channel], 1, frame, PAGE_BACKGROUND);
    const tiles: Record<(typeof TILES)[number], RgbaImage> = {
      grey: visual.greyImage(hand.grey, width, height, 'clip'),
      hand: visual.greyImage(hand.output, width, height, hand.drawing),
      learned: learned.image,
    };
    const layout = visual.atlasLayout(TILES.length, width, height, TILES.length, 0);
    const image = visual.blankAtlas(layout, PAGE_BACKGROUND);
    TILES.forEach((tile, i) => visual.placeTile(image, layout, i, tiles[tile]));
    const { kernel } = unit;
    return {
      image,
      data: {
        layout,
        kernel: recipe.kernel,
        drawing: hand.drawing,
        range: hand.range,
        learned: {
          // float32 holds about 7 significant digits: no more are kept in the JSON.
          kernel: {
            width: kernel.width,
            height: kernel.height,
            channels: kernel.channels,
            values: Array.from(kernel.data, (v) => Number(v.toPrecision(7))),
          },
          bias: unit.bias,
          batchNormFolded: unit.batchNormFolded,
          activation: unit.activation,
          range: learned.ranges[0]!,
          mapSize: [map.shape[0]!, map.shape[1]!],
        },
      },
    };
  },
};

/**
 * The frame (pixels each side) that centres a stride-1 layer's map on its input: 0 for 'same' padding, 1
 * for a 3x3 'valid' conv; null when the map does not sit evenly inside the input (strides, odd margins).
 */
function mapFrame(input: [number, number], shape: number[], strides: [number, number]): number | null {
  const [marginY, marginX] = [input[0] - shape[0]!, input[1] - shape[1]!];
  if (strides[0] !== 1 || strides[1] !== 1 || marginX !== marginY || marginX < 0 || marginX % 2) return null;
  return marginX / 2;
}
