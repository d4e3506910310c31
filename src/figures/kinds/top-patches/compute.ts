/**
 * For each chosen unit, the k images of the set it fires on most (one patch per image: its receptive field
 * around the peak, where the unit looks shown by the gradient), then the photo's own best patch and how it
 * ranks among the set. One row per unit; the photo's patch is the last column.
 */
import * as engine from '../../../engine/index.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import { member, photoInSet, setReads } from '../../common/image-set/photo.ts';
import type { SetIndex } from '../../common/image-set/set-index.ts';
import type { PatchRow, TopPatchesData, TopPatchesRecipe } from './recipe.ts';

const { attribution, embedding, visual } = engine;
const TILE = 96;
const GAP = 8;

export const topPatches: FigureComputation<TopPatchesRecipe, TopPatchesData> = {
  // The patches' fading takes input gradients.
  reads: (recipe) => ({ ...setReads(recipe), gradients: true }),
  async compute(recipe, inputs, run) {
    const { index, features, layer } = await photoInSet(recipe, inputs);
    const network = await inputs.network(recipe.model);
    const field = embedding.receptiveField(network, layer);
    const layout = visual.atlasLayout(recipe.units.length * (recipe.k + 1), TILE, TILE, recipe.k + 1, GAP);
    const image = visual.blankAtlas(layout, [255, 255, 255, 255]);
    const rows: PatchRow[] = [];
    const photo = await inputs.image(recipe.image);
    for (const [r, unit] of recipe.units.entries()) {
      run.signal?.throwIfAborted();
      const best = ranked(index, unit).slice(0, recipe.k);
      for (const [i, n] of best.entries()) {
        const pixels = embedding.cutoutOnBackground(await inputs.image(index.images[n]!.ref));
        const tile = await patchOf(
          network,
          pixels,
          'squash',
          field,
          layer,
          unit,
          index.peaks!.positions[n * index.peaks!.channels + unit]!,
          index.peaks!.grid[1],
        );
        visual.placeTile(image, layout, r * (recipe.k + 1) + i, tile);
      }
      const peaks = features.peaks!;
      const tile = await patchOf(
        network,
        photo,
        recipe.resize,
        field,
        layer,
        unit,
        peaks.positions[unit]!,
        peaks.grid[1],
      );
      visual.placeTile(image, layout, r * (recipe.k + 1) + recipe.k, tile);
      const value = peaks.values[unit]!;
      const values = ranked(index, unit).map((n) => peakOf(index, n, unit));
      rows.push({
        unit,
        patches: best.map((n) => member(index, n, peakOf(index, n, unit))),
        reader: { value, rank: 1 + values.filter((v) => v > value).length, of: values.length + 1 },
      });
      run.onWork?.((r + 1) / recipe.units.length);
    }
    return {
      image,
      data: { layer, field: field.size[0], rows, tile: TILE, gap: GAP, width: image.width, height: image.height },
    };
  },
};

function peakOf(index: SetIndex, image: number, unit: number): number {
  return index.peaks!.values[image * index.peaks!.channels + unit]!;
}

/** The set's images by their peak activation of the unit, highest first. */
function ranked(index: SetIndex, unit: number): number[] {
  return index.images.map((_, i) => i).sort((a, b) => peakOf(index, b, unit) - peakOf(index, a, unit) || a - b);
}

async function patchOf(
  network: engine.Network,
  pixels: engine.ImagePixels,
  resize: engine.ResizeMode,
  field: engine.ReceptiveField,
  layer: string,
  unit: number,
  position: number,
  gridWidth: number,
): Promise<engine.RgbaImage> {
  const rgb = attribution.modelView(network, pixels, resize);
  try {
    const at = { layer, channel: unit, y: Math.floor(position / gridWidth), x: position % gridWidth };
    return await embedding.unitPatch(network, rgb, field, at, TILE);
  } finally {
    rgb.dispose();
  }
}
