/**
 * The set on a 2-D map (the build's PCA or UMAP coordinates, never re-fitted) with the photo placed at the
 * weighted average of its nearest neighbours' positions. One square panel per method, side by side.
 */
import { embedding, visual } from '../../../engine/index.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import { featureSet, member, photoInSet, setReads } from '../../common/image-set/photo.ts';
import { CATEGORY_COLOURS, drawMap } from './draw.ts';
import type { EmbeddingMapData, EmbeddingMapRecipe } from './recipe.ts';

const PANEL = 520;
const GAP = 16;
const READER_THUMB = 44;

export const embeddingMap: FigureComputation<EmbeddingMapRecipe, EmbeddingMapData> = {
  reads: setReads,
  async compute(recipe, inputs) {
    const { index, features, layer } = await photoInSet(recipe, inputs);
    const categories = [...new Set(index.images.map((i) => i.category))];
    const colours = Object.fromEntries(categories.map((c, i) => [c, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!]));
    const thumb = await visual.thumbnail(await inputs.image(recipe.image), READER_THUMB, recipe.resize);
    const width = recipe.methods.length * PANEL + (recipe.methods.length - 1) * GAP;
    const image = visual.blankAtlas(visual.atlasLayout(1, width, PANEL, 1, 0), [255, 255, 255, 255]);
    const panels = recipe.methods.map((method, i) => {
      const coordinates = index.layouts[method];
      const placed = embedding.placePoint(features.vector, featureSet(index), coordinates, recipe.k);
      drawMap(
        {
          size: PANEL,
          coordinates,
          pixels: index.pixels,
          colours: index.images.map((img) => colours[img.category]!),
          reader: { x: placed.x, y: placed.y, neighbours: placed.neighbours.map((n) => n.index), thumb },
        },
        image,
        i * (PANEL + GAP),
      );
      return { method, reader: { x: placed.x, y: placed.y }, neighbours: placed.neighbours };
    });
    const neighbours = panels[0]!.neighbours.map((n) => member(index, n.index, n.score));
    return {
      image,
      data: {
        layer,
        panels: panels.map(({ method, reader }) => ({ method, reader })),
        neighbours,
        colours,
        panel: PANEL,
        width: image.width,
        height: image.height,
      },
    };
  },
};
