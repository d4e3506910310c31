/**
 * Registry 1 of the figure kinds: each kind's recipe and data types. Every other registry is keyed by these
 * kinds, so a kind missing from one of them fails the type check. Adding a kind: one line here, one line in
 * each registry beside this file, and the kind's own folder (README, "Adding a figure kind").
 */
import type { ArchitectureData, ArchitectureRecipe } from '../kinds/architecture/recipe.ts';
import type { ChannelSweepData, ChannelSweepRecipe } from '../kinds/channel-sweep/recipe.ts';
import type { ClassDreamData, ClassDreamRecipe } from '../kinds/class-dream/recipe.ts';
import type { DeepDreamData, DeepDreamRecipe } from '../kinds/deepdream/recipe.ts';
import type { DreamCompareData, DreamCompareRecipe } from '../kinds/dream-compare/recipe.ts';
import type { DreamGalleryData, DreamGalleryRecipe } from '../kinds/dream-gallery/recipe.ts';
import type { FastStyleData, FastStyleRecipe } from '../kinds/fast-style/recipe.ts';
import type { FeatureMapsData, FeatureMapsRecipe } from '../kinds/feature-maps/recipe.ts';
import type { FiltersData, FiltersRecipe } from '../kinds/filters/recipe.ts';
import type { GatysData, GatysRecipe } from '../kinds/gatys/recipe.ts';
import type { GramData, GramRecipe } from '../kinds/gram/recipe.ts';
import type { InputPhotoData, InputPhotoRecipe } from '../kinds/input-photo/recipe.ts';
import type { StyleGridData, StyleGridRecipe } from '../kinds/style-grid/recipe.ts';
import type { StyleSweepData, StyleSweepRecipe } from '../kinds/style-sweep/recipe.ts';
import type { TopKData, TopKRecipe } from '../kinds/top-k/recipe.ts';
import type { SaliencyData, SaliencyRecipe } from '../kinds/saliency/recipe.ts';
import type { SaliencyCompareData, SaliencyCompareRecipe } from '../kinds/saliency-compare/recipe.ts';
import type { OcclusionData, OcclusionRecipe } from '../kinds/occlusion/recipe.ts';
import type { SanityCheckData, SanityCheckRecipe } from '../kinds/sanity-check/recipe.ts';
import type { FaithfulnessData, FaithfulnessRecipe } from '../kinds/faithfulness/recipe.ts';
import type { TopPatchesData, TopPatchesRecipe } from '../kinds/top-patches/recipe.ts';
import type { EmbeddingMapData, EmbeddingMapRecipe } from '../kinds/embedding-map/recipe.ts';
import type { NeighboursData, NeighboursRecipe } from '../kinds/neighbours/recipe.ts';
import type { FilterSlideData, FilterSlideRecipe } from '../kinds/filter-slide/recipe.ts';
import type { LayerOperationData, LayerOperationRecipe } from '../kinds/layer-operation/recipe.ts';
import type { NetworkOverviewData, NetworkOverviewRecipe } from '../kinds/network-overview/recipe.ts';
import type { LayerArithmeticData, LayerArithmeticRecipe } from '../kinds/layer-arithmetic/recipe.ts';
import type { KernelPlaygroundData, KernelPlaygroundRecipe } from '../kinds/kernel-playground/recipe.ts';

export interface KindTypes {
  'feature-maps': { recipe: FeatureMapsRecipe; data: FeatureMapsData };
  'channel-sweep': { recipe: ChannelSweepRecipe; data: ChannelSweepData };
  filters: { recipe: FiltersRecipe; data: FiltersData };
  architecture: { recipe: ArchitectureRecipe; data: ArchitectureData };
  'top-k': { recipe: TopKRecipe; data: TopKData };
  'dream-gallery': { recipe: DreamGalleryRecipe; data: DreamGalleryData };
  'class-dream': { recipe: ClassDreamRecipe; data: ClassDreamData };
  'dream-compare': { recipe: DreamCompareRecipe; data: DreamCompareData };
  deepdream: { recipe: DeepDreamRecipe; data: DeepDreamData };
  'style-grid': { recipe: StyleGridRecipe; data: StyleGridData };
  'style-sweep': { recipe: StyleSweepRecipe; data: StyleSweepData };
  gatys: { recipe: GatysRecipe; data: GatysData };
  'fast-style': { recipe: FastStyleRecipe; data: FastStyleData };
  gram: { recipe: GramRecipe; data: GramData };
  'input-photo': { recipe: InputPhotoRecipe; data: InputPhotoData };
  saliency: { recipe: SaliencyRecipe; data: SaliencyData };
  'saliency-compare': { recipe: SaliencyCompareRecipe; data: SaliencyCompareData };
  occlusion: { recipe: OcclusionRecipe; data: OcclusionData };
  'sanity-check': { recipe: SanityCheckRecipe; data: SanityCheckData };
  faithfulness: { recipe: FaithfulnessRecipe; data: FaithfulnessData };
  neighbours: { recipe: NeighboursRecipe; data: NeighboursData };
  'embedding-map': { recipe: EmbeddingMapRecipe; data: EmbeddingMapData };
  'top-patches': { recipe: TopPatchesRecipe; data: TopPatchesData };
  'filter-slide': { recipe: FilterSlideRecipe; data: FilterSlideData };
  'layer-operation': { recipe: LayerOperationRecipe; data: LayerOperationData };
  'network-overview': { recipe: NetworkOverviewRecipe; data: NetworkOverviewData };
  'layer-arithmetic': { recipe: LayerArithmeticRecipe; data: LayerArithmeticData };
  'kernel-playground': { recipe: KernelPlaygroundRecipe; data: KernelPlaygroundData };
}

export type RecipeKind = keyof KindTypes;
export type RecipeOf<K extends RecipeKind> = KindTypes[K]['recipe'];
export type DataOf<K extends RecipeKind> = KindTypes[K]['data'];
/** Any figure's recipe: everything that determines its pixels. */
export type Recipe = RecipeOf<RecipeKind>;
export type FigureData = DataOf<RecipeKind>;

/** Recipes that read a photo: the ones a reader's photo recomputes. */
export type PhotoRecipe = Extract<Recipe, { image: string }>;

export function followsPhoto(recipe: Recipe): recipe is PhotoRecipe {
  return 'image' in recipe;
}
