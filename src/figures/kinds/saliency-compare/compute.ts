/** Each method's map in turn, placed in one atlas as it finishes. */
import { attributionReads, panel, PanelAtlas, partialRun, prepare } from '../../common/attribution/compute.ts';
import type { PanelData } from '../../common/attribution/recipe.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { SaliencyCompareData, SaliencyCompareRecipe } from './recipe.ts';

export const saliencyCompare: FigureComputation<SaliencyCompareRecipe, SaliencyCompareData> = {
  reads: (recipe) => attributionReads(recipe),
  async compute(recipe, inputs, run) {
    const prepared = await prepare(recipe, inputs);
    try {
      const atlas = new PanelAtlas(recipe.methods.length, prepared.rgb.shape[1], recipe.columns);
      const panels: PanelData[] = [];
      const n = recipe.methods.length;
      for (const [index, spec] of recipe.methods.entries()) {
        const result = await panel(
          prepared,
          spec,
          partialRun(run, prepared, atlas, index, [index / n, (index + 1) / n]),
        );
        const frame = atlas.place(index, result.image);
        await run.onPartial?.(frame);
        panels.push(result.data);
        run.onWork?.((index + 1) / recipe.methods.length);
      }
      return { image: atlas.image, data: atlas.data(prepared.targetData, panels) };
    } finally {
      prepared.rgb.dispose();
    }
  },
};
