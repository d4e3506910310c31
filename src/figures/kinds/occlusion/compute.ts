/** The occlusion map, streamed row by row as the patch moves. */
import { attributionReads, panel, PanelAtlas, partialRun, prepare } from '../../common/attribution/compute.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { OcclusionData, OcclusionRecipe } from './recipe.ts';

export const occlusion: FigureComputation<OcclusionRecipe, OcclusionData> = {
  reads: (recipe) => attributionReads(recipe),
  async compute(recipe, inputs, run) {
    const prepared = await prepare(recipe, inputs);
    try {
      const atlas = new PanelAtlas(1, prepared.rgb.shape[1], 1);
      const spec = { method: 'occlusion', window: recipe.window, stride: recipe.stride, patch: recipe.patch } as const;
      const { image, data } = await panel(prepared, spec, partialRun(run, prepared, atlas, 0));
      return { image: atlas.place(0, image), data: atlas.data(prepared.targetData, [data]) };
    } finally {
      prepared.rgb.dispose();
    }
  },
};
