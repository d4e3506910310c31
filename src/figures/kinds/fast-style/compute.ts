/** The photo, fitted to the profile's size, through each network: one forward pass per tile. */
import { image, visual } from '../../../engine/index.ts';
import { PAGE_BACKGROUND, TILE_GAP } from '../../common/atlas-style.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { FastStyleData, FastStyleRecipe } from './recipe.ts';

/** Tiles per row: three paintings side by side still show each one large enough. */
const COLUMNS = 3;

export const fastStyle: FigureComputation<FastStyleRecipe, FastStyleData> = {
  reads: (recipe) => ({ models: Object.fromEntries(recipe.styles.map((id) => [id, []])), images: [recipe.image] }),
  async compute(recipe, inputs, run) {
    const photo = await image.fitPhoto(await inputs.image(recipe.image), recipe.maxSide);
    const columns = Math.min(COLUMNS, recipe.styles.length);
    // One style (the picker's larger run) is the image alone, without a frame of gap.
    const gap = recipe.styles.length > 1 ? TILE_GAP : 0;
    const layout = visual.atlasLayout(recipe.styles.length, photo.width, photo.height, columns, gap);
    const atlas = visual.blankAtlas(layout, PAGE_BACKGROUND);
    let ms = 0;
    for (const [index, id] of recipe.styles.entries()) {
      run.signal?.throwIfAborted();
      const network = await inputs.fastStyle(id);
      const started = performance.now();
      visual.placeTile(atlas, layout, index, await network.stylize(photo));
      ms += performance.now() - started;
      run.onWork?.((index + 1) / recipe.styles.length);
      await run.onPartial?.(atlas);
    }
    return { image: atlas, data: { layout, styles: recipe.styles, msPerImage: ms / recipe.styles.length } };
  },
};
