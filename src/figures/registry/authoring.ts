/** Registry 3: each kind's author side (the MDX component, its props, its recipe). Build-time only (Zod). */
import type { FigureAuthoring, RecipeContext } from '../contract/authoring.ts';
import { architectureTable } from '../kinds/architecture/author.ts';
import { channelSweepAuthoring } from '../kinds/channel-sweep/author.ts';
import { classDreamAuthoring } from '../kinds/class-dream/author.ts';
import { deepDreamAuthoring } from '../kinds/deepdream/author.ts';
import { naiveVsRecipe } from '../kinds/dream-compare/author.ts';
import { dreamGalleryAuthoring } from '../kinds/dream-gallery/author.ts';
import { fastStyleAuthoring } from '../kinds/fast-style/author.ts';
import { featureMapGrid } from '../kinds/feature-maps/author.ts';
import { filterGallery } from '../kinds/filters/author.ts';
import { gatysPanelAuthoring } from '../kinds/gatys/author.ts';
import { gramMatrixAuthoring } from '../kinds/gram/author.ts';
import { inputPhotoAuthoring } from '../kinds/input-photo/author.ts';
import { saliencyAuthoring } from '../kinds/saliency/author.ts';
import { saliencyCompareAuthoring } from '../kinds/saliency-compare/author.ts';
import { occlusionAuthoring } from '../kinds/occlusion/author.ts';
import { sanityCheckAuthoring } from '../kinds/sanity-check/author.ts';
import { faithfulnessAuthoring } from '../kinds/faithfulness/author.ts';
import { neighboursAuthoring } from '../kinds/neighbours/author.ts';
import { embeddingMapAuthoring } from '../kinds/embedding-map/author.ts';
import { topPatchesAuthoring } from '../kinds/top-patches/author.ts';
import { networkOverviewAuthoring } from '../kinds/network-overview/author.ts';
import { styleGridAuthoring } from '../kinds/style-grid/author.ts';
import { styleSweepAuthoring } from '../kinds/style-sweep/author.ts';
import { topKAuthoring } from '../kinds/top-k/author.ts';
import { filterSlideAuthoring } from '../kinds/filter-slide/author.ts';
import { layerOperationAuthoring } from '../kinds/layer-operation/author.ts';
import { layerArithmeticAuthoring } from '../kinds/layer-arithmetic/author.ts';
import { kernelPlaygroundAuthoring } from '../kinds/kernel-playground/author.ts';
import type { Recipe, RecipeKind, RecipeOf } from './types.ts';

export const AUTHORING: { [K in RecipeKind]: FigureAuthoring<K> } = {
  'feature-maps': featureMapGrid,
  'channel-sweep': channelSweepAuthoring,
  filters: filterGallery,
  architecture: architectureTable,
  'top-k': topKAuthoring,
  'dream-gallery': dreamGalleryAuthoring,
  'class-dream': classDreamAuthoring,
  'dream-compare': naiveVsRecipe,
  deepdream: deepDreamAuthoring,
  'style-grid': styleGridAuthoring,
  'style-sweep': styleSweepAuthoring,
  gatys: gatysPanelAuthoring,
  'fast-style': fastStyleAuthoring,
  gram: gramMatrixAuthoring,
  'input-photo': inputPhotoAuthoring,
  saliency: saliencyAuthoring,
  'saliency-compare': saliencyCompareAuthoring,
  occlusion: occlusionAuthoring,
  'sanity-check': sanityCheckAuthoring,
  faithfulness: faithfulnessAuthoring,
  neighbours: neighboursAuthoring,
  'embedding-map': embeddingMapAuthoring,
  'top-patches': topPatchesAuthoring,
  'filter-slide': filterSlideAuthoring,
  'layer-operation': layerOperationAuthoring,
  'network-overview': networkOverviewAuthoring,
  'layer-arithmetic': layerArithmeticAuthoring,
  'kernel-playground': kernelPlaygroundAuthoring,
};

/** The kind an MDX tag names (FeatureMapGrid: feature-maps), or undefined for a tag that is no figure. */
export function kindOfComponent(component: string): RecipeKind | undefined {
  return (Object.keys(AUTHORING) as RecipeKind[]).find((kind) => AUTHORING[kind].component === component);
}

/** The MDX tags authors write, in registry order. */
export const FIGURE_COMPONENTS: string[] = Object.values(AUTHORING).map((a) => a.component);

function authoringOf<K extends RecipeKind>(recipe: RecipeOf<K>): FigureAuthoring<K> {
  return AUTHORING[recipe.kind as K];
}

/** A recipe's rough cost in 224x224 forward passes (the progress bar's ETA). */
export function costOf(recipe: Recipe): number {
  return authoringOf(recipe).cost(recipe);
}

/** Whether a reader's photo recomputes this figure only when asked. */
export function isOnDemand(recipe: Recipe): boolean {
  return authoringOf(recipe).onDemand === true;
}

/** Layers, by model, a reader may ask of this figure live beyond its recipe's (a panel's choices). */
export function liveLayersOf(recipe: Recipe, context: RecipeContext): Record<string, string[]> {
  return authoringOf(recipe).liveLayers?.(recipe, context) ?? {};
}
