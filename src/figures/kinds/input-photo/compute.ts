/** The photo decoded as every figure decodes it, fitted to the size budget (area-averaged, never enlarged). */
import { image } from '../../../engine/index.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { InputPhotoData, InputPhotoRecipe } from './recipe.ts';

export const inputPhoto: FigureComputation<InputPhotoRecipe, InputPhotoData> = {
  reads: (recipe) => ({ models: {}, images: [recipe.image] }),
  async compute(recipe, inputs) {
    const pixels = await inputs.image(recipe.image);
    const fitted = await image.fitPhoto(pixels, recipe.maxSide);
    const rgba = new Uint8ClampedArray(fitted.width * fitted.height * 4);
    for (let p = 0; p < fitted.width * fitted.height; p++)
      rgba.set([...fitted.data.subarray(3 * p, 3 * p + 3), 255], 4 * p);
    return {
      image: { width: fitted.width, height: fitted.height, rgba },
      data: { width: pixels.width, height: pixels.height },
    };
  },
};
