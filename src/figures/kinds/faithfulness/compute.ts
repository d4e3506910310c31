/** Each method's map, then its deletion and insertion curves on the same photo and target. */
import { attribution } from '../../../engine/index.ts';
import { attributionReads, panel, PanelAtlas, partialRun, prepare } from '../../common/attribution/compute.ts';
import type { PanelData } from '../../common/attribution/recipe.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { FaithfulnessData, FaithfulnessRecipe, MethodCurves } from './recipe.ts';

export const faithfulness: FigureComputation<FaithfulnessRecipe, FaithfulnessData> = {
  reads: (recipe) => attributionReads(recipe),
  async compute(recipe, inputs, run) {
    const prepared = await prepare(recipe, inputs);
    try {
      const atlas = new PanelAtlas(recipe.methods.length, prepared.rgb.shape[1], Math.min(4, recipe.methods.length));
      const panels: PanelData[] = [];
      const curves: MethodCurves[] = [];
      const n = recipe.methods.length;
      for (const [index, spec] of recipe.methods.entries()) {
        const result = await panel(
          prepared,
          spec,
          partialRun(run, prepared, atlas, index, [index / n, (index + 0.5) / n]),
        );
        const frame = atlas.place(index, result.image);
        await run.onPartial?.(frame);
        panels.push(result.data);
        const map = {
          width: prepared.rgb.shape[2],
          height: prepared.rgb.shape[1],
          values: result.values,
          signed: result.data.signed,
        };
        curves.push(
          await attribution.deletionInsertion(
            prepared.network,
            prepared.target,
            prepared.rgb,
            map,
            {
              stepShare: recipe.stepShare,
            },
            { signal: run.signal },
          ),
        );
        run.onWork?.((index + 1) / recipe.methods.length);
      }
      return { image: atlas.image, data: { ...atlas.data(prepared.targetData, panels), curves } };
    } finally {
      prepared.rgb.dispose();
    }
  },
};
