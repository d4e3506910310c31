/** One method's map over the photo; multi-pass methods stream their refining map. */
import { attributionReads, panel, PanelAtlas, partialRun, prepare } from '../../common/attribution/compute.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { SaliencyData, SaliencyRecipe } from './recipe.ts';

export const saliency: FigureComputation<SaliencyRecipe, SaliencyData> = {
  reads: (recipe) => attributionReads(recipe),
  async compute(recipe, inputs, run) {
    const prepared = await prepare(recipe, inputs);
    try {
      const atlas = new PanelAtlas(1, prepared.rgb.shape[1], 1);
      const { image, data } = await panel(prepared, recipe.method, partialRun(run, prepared, atlas, 0));
      return { image: atlas.place(0, image), data: atlas.data(prepared.targetData, [data]) };
    } finally {
      prepared.rgb.dispose();
    }
  },
};
