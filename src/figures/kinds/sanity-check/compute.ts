/** One cascade per method (a row of maps, original first), each step placed as it finishes. */
import { attribution } from '../../../engine/index.ts';
import { attributionReads, drawMap, panel, PanelAtlas, prepare } from '../../common/attribution/compute.ts';
import type { PanelData } from '../../common/attribution/recipe.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { SanityCheckData, SanityCheckRecipe } from './recipe.ts';

export const sanityCheck: FigureComputation<SanityCheckRecipe, SanityCheckData> = {
  reads: (recipe) => attributionReads(recipe),
  async compute(recipe, inputs, run) {
    const prepared = await prepare(recipe, inputs);
    try {
      const columns = recipe.depth + 1;
      const atlas = new PanelAtlas(recipe.methods.length * columns, prepared.rgb.shape[1], columns);
      const panels: PanelData[] = [];
      const rho: (number | null)[][] = [];
      let layers: string[] = [];
      for (const [row, spec] of recipe.methods.entries()) {
        let first: PanelData | undefined;
        const steps = await attribution.sanityCascade(
          prepared.network,
          async (network) => {
            const result = await panel(prepared, spec, { signal: run.signal }, network);
            first ??= result.data;
            return {
              width: prepared.rgb.shape[2],
              height: prepared.rgb.shape[1],
              values: result.values,
              signed: result.data.signed,
            };
          },
          { depth: recipe.depth, seed: recipe.seed },
          {
            signal: run.signal,
            onStep: async (step) => {
              const frame = atlas.place(row * columns + step.randomised, drawMap(prepared, step.map));
              await run.onPartial?.(frame);
              run.onWork?.((row * columns + step.randomised + 1) / (recipe.methods.length * columns));
            },
          },
        );
        panels.push(first!);
        rho.push(steps.map((s) => s.rho));
        layers = steps.map((s) => s.layer);
      }
      return { image: atlas.image, data: { ...atlas.data(prepared.targetData, panels), layers, rho } };
    } finally {
      prepared.rgb.dispose();
    }
  },
};
