/**
 * The photo's nearest images in the set: by cosine similarity of the layer's features, and by Euclidean
 * distance of the images themselves at 32x32 (what a "nearest neighbour on pixels" classifier compares).
 * One image: a row per space, the photo first, then its neighbours.
 */
import { embedding, visual, type RgbaImage } from '../../../engine/index.ts';
import type { FigureComputation, FigureInputs } from '../../contract/compute.ts';
import { featureSet, member, photoInSet, setReads } from '../../common/image-set/photo.ts';
import type { SetMember } from '../../common/image-set/recipe.ts';
import type { NeighboursData, NeighboursRecipe } from './recipe.ts';

const TILE = 96;
const GAP = 8;
const PAGE: readonly [number, number, number, number] = [255, 255, 255, 255];

export const neighbours: FigureComputation<NeighboursRecipe, NeighboursData> = {
  reads: setReads,
  async compute(recipe, inputs) {
    const { index, features, layer } = await photoInSet(recipe, inputs);
    const feature = embedding
      .cosineNeighbours(features.vector, featureSet(index), recipe.k)
      .map((n) => member(index, n.index, n.score));
    let pixel: SetMember[] = [];
    if (recipe.pixels) {
      const photo = await embedding.pixelVector(await inputs.image(recipe.image));
      const pixels = { count: index.images.length, dim: photo.length, data: index.pixels };
      pixel = embedding
        .euclideanNeighbours(photo, pixels, recipe.k, -1, 255)
        .map((n) => member(index, n.index, n.score));
    }
    const rows = [feature, ...(recipe.pixels ? [pixel] : [])];
    const layout = visual.atlasLayout(rows.length * (recipe.k + 1), TILE, TILE, recipe.k + 1, GAP);
    const image = visual.blankAtlas(layout, PAGE);
    const photo = await visual.thumbnail(await inputs.image(recipe.image), TILE, recipe.resize);
    for (const [r, row] of rows.entries()) {
      visual.placeTile(image, layout, r * (recipe.k + 1), photo);
      const tiles = await Promise.all(row.map((m) => setTile(inputs, m.ref)));
      tiles.forEach((tile, i) => visual.placeTile(image, layout, r * (recipe.k + 1) + 1 + i, tile));
    }
    return {
      image,
      data: { layer, feature, pixel, tile: TILE, gap: GAP, width: image.width, height: image.height },
    };
  },
};

/** A set image as a tile: on the set's background, fitted whole. */
export async function setTile(inputs: FigureInputs, ref: string, side = TILE): Promise<RgbaImage> {
  return visual.thumbnail(embedding.cutoutOnBackground(await inputs.image(ref)), side, 'squash');
}
