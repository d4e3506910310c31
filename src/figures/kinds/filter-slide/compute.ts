/**
 * The filter's kernel, bias and input window from the engine (batch norm folded in), the layer's own
 * output from the photo's shared pass, and the channel's whole map as the figure's image.
 */
import { operations, visual, type ConvWindow } from '../../../engine/index.ts';
import { PAGE_BACKGROUND } from '../../common/atlas-style.ts';
import type { Block } from '../../common/conv-arithmetic.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { FilterSlideData, FilterSlideRecipe } from './recipe.ts';

export const filterSlide: FigureComputation<FilterSlideRecipe, FilterSlideData> = {
  reads: (recipe) => ({
    models: { [recipe.model]: [recipe.layer] },
    images: [recipe.image],
    analysis: { model: recipe.model, image: recipe.image, layers: [recipe.layer] },
  }),
  async compute(recipe, inputs) {
    const { model, layer, channel, patch, resize } = recipe;
    const [network, pixels, analysis] = await Promise.all([
      inputs.network(model),
      inputs.image(recipe.image),
      inputs.analysis(model, recipe.image),
    ]);
    const unit = await operations.convWindow(network, pixels, layer, channel, patch, resize);
    const map = await analysis.layer(layer, resize);
    const [, width = 1, channels = 1] = map.shape;
    const { image, ranges } = visual.featureMapAtlas(map.data, map.shape, [channel], 1, 0, PAGE_BACKGROUND);
    const positions = patchPositions(patch, width);
    return {
      image,
      data: {
        window: unitWindow(unit),
        batchNormFolded: unit.batchNormFolded,
        patch,
        outputSize: unit.outputSize,
        outputs: positions.map((p) => map.data[p * channels + channel]!),
        colours: positions.map((p) => hex(image.rgba.subarray(p * 4, p * 4 + 3))),
        range: ranges[0]!,
      },
    };
  },
};

/** Row-major indexes, in the whole map, of the patch's positions. */
function patchPositions(patch: FilterSlideRecipe['patch'], mapWidth: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < patch.height; y++)
    for (let x = 0; x < patch.width; x++) out.push((patch.y + y) * mapWidth + patch.x + x);
  return out;
}

/** The engine's window as plain JSON numbers (float32 holds about 7 significant digits: no more are kept). */
function unitWindow(unit: ConvWindow): FilterSlideData['window'] {
  const block = (b: ConvWindow['kernel']): Block => ({
    width: b.width,
    height: b.height,
    channels: b.channels,
    values: Array.from(b.data, (v) => Number(v.toPrecision(7))),
  });
  return {
    kernel: block(unit.kernel),
    bias: unit.bias,
    activation: unit.activation,
    strides: unit.strides,
    input: block(unit.input),
  };
}

function hex(rgb: ArrayLike<number>): string {
  return `#${Array.from(rgb, (v) => v.toString(16).padStart(2, '0')).join('')}`;
}
