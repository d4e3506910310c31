/**
 * Registry 2: each kind's computation, and the one entry point the build, the page's worker, the live
 * re-runs and the panels all call. Imports only compute code (no Zod, no Astro, no DOM).
 */
import type { ComputeRun, FigureComputation, FigureInputs, FigureResult, Reads } from '../contract/compute.ts';
import { architecture } from '../kinds/architecture/compute.ts';
import { channelSweep } from '../kinds/channel-sweep/compute.ts';
import { classDream } from '../kinds/class-dream/compute.ts';
import { deepDream } from '../kinds/deepdream/compute.ts';
import { dreamCompare } from '../kinds/dream-compare/compute.ts';
import { dreamGallery } from '../kinds/dream-gallery/compute.ts';
import { fastStyle } from '../kinds/fast-style/compute.ts';
import { featureMaps } from '../kinds/feature-maps/compute.ts';
import { filters } from '../kinds/filters/compute.ts';
import { gatys } from '../kinds/gatys/compute.ts';
import { gram } from '../kinds/gram/compute.ts';
import { inputPhoto } from '../kinds/input-photo/compute.ts';
import { styleGrid } from '../kinds/style-grid/compute.ts';
import { styleSweep } from '../kinds/style-sweep/compute.ts';
import { topK } from '../kinds/top-k/compute.ts';
import { saliency } from '../kinds/saliency/compute.ts';
import { saliencyCompare } from '../kinds/saliency-compare/compute.ts';
import { occlusion } from '../kinds/occlusion/compute.ts';
import { sanityCheck } from '../kinds/sanity-check/compute.ts';
import { faithfulness } from '../kinds/faithfulness/compute.ts';
import { neighbours } from '../kinds/neighbours/compute.ts';
import { embeddingMap } from '../kinds/embedding-map/compute.ts';
import { topPatches } from '../kinds/top-patches/compute.ts';
import { filterSlide } from '../kinds/filter-slide/compute.ts';
import { layerOperation } from '../kinds/layer-operation/compute.ts';
import { networkOverview } from '../kinds/network-overview/compute.ts';
import { layerArithmeticComputation } from '../kinds/layer-arithmetic/compute.ts';
import { kernelPlayground } from '../kinds/kernel-playground/compute.ts';
import type { DataOf, FigureData, Recipe, RecipeKind, RecipeOf } from './types.ts';

const COMPUTATIONS: { [K in RecipeKind]: FigureComputation<RecipeOf<K>, DataOf<K>> } = {
  'feature-maps': featureMaps,
  'channel-sweep': channelSweep,
  filters,
  architecture,
  'top-k': topK,
  'dream-gallery': dreamGallery,
  'class-dream': classDream,
  'dream-compare': dreamCompare,
  deepdream: deepDream,
  'style-grid': styleGrid,
  'style-sweep': styleSweep,
  gatys,
  'fast-style': fastStyle,
  gram,
  'input-photo': inputPhoto,
  saliency,
  'saliency-compare': saliencyCompare,
  occlusion,
  'sanity-check': sanityCheck,
  faithfulness,
  neighbours,
  'embedding-map': embeddingMap,
  'top-patches': topPatches,
  'filter-slide': filterSlide,
  'layer-operation': layerOperation,
  'network-overview': networkOverview,
  'layer-arithmetic': layerArithmeticComputation,
  'kernel-playground': kernelPlayground,
};

function computationOf<K extends RecipeKind>(recipe: RecipeOf<K>): FigureComputation<RecipeOf<K>, DataOf<K>> {
  return COMPUTATIONS[recipe.kind as K];
}

/** A figure's result from its recipe: the same call at build time and in the reader's browser. */
export function computeFigure(
  recipe: Recipe,
  inputs: FigureInputs,
  run: ComputeRun = {},
): Promise<FigureResult<FigureData>> {
  return computationOf(recipe).compute(recipe, inputs, run);
}

/** What a recipe reads (models and their layers, images, the photo's shared pass). */
export function readsOf(recipe: Recipe): Reads {
  return computationOf(recipe).reads(recipe);
}
