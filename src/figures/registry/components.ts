/** Registry 4: each kind's Astro component, and the map the article page hands to MDX (tag name to component). */
import ArchitectureTable from '../kinds/architecture/ArchitectureTable.astro';
import ChannelSweep from '../kinds/channel-sweep/ChannelSweep.astro';
import ClassDream from '../kinds/class-dream/ClassDream.astro';
import DeepDream from '../kinds/deepdream/DeepDream.astro';
import NaiveVsRecipe from '../kinds/dream-compare/NaiveVsRecipe.astro';
import DreamGallery from '../kinds/dream-gallery/DreamGallery.astro';
import FastStyle from '../kinds/fast-style/FastStyle.astro';
import FeatureMapGrid from '../kinds/feature-maps/FeatureMapGrid.astro';
import FilterGallery from '../kinds/filters/FilterGallery.astro';
import GatysPanel from '../kinds/gatys/GatysPanel.astro';
import GramMatrix from '../kinds/gram/GramMatrix.astro';
import InputPhoto from '../kinds/input-photo/InputPhoto.astro';
import SaliencyMap from '../kinds/saliency/SaliencyMap.astro';
import SaliencyMethods from '../kinds/saliency-compare/SaliencyMethods.astro';
import OcclusionMap from '../kinds/occlusion/OcclusionMap.astro';
import SanityCheck from '../kinds/sanity-check/SanityCheck.astro';
import FaithfulnessCurves from '../kinds/faithfulness/FaithfulnessCurves.astro';
import NearestNeighbours from '../kinds/neighbours/NearestNeighbours.astro';
import EmbeddingMap from '../kinds/embedding-map/EmbeddingMap.astro';
import TopPatches from '../kinds/top-patches/TopPatches.astro';
import NetworkOverview from '../kinds/network-overview/NetworkOverview.astro';
import StyleGrid from '../kinds/style-grid/StyleGrid.astro';
import StyleSweep from '../kinds/style-sweep/StyleSweep.astro';
import TopK from '../kinds/top-k/TopK.astro';
import FilterSlide from '../kinds/filter-slide/FilterSlide.astro';
import LayerOperation from '../kinds/layer-operation/LayerOperation.astro';
import LayerArithmetic from '../kinds/layer-arithmetic/LayerArithmetic.astro';
import KernelPlayground from '../kinds/kernel-playground/KernelPlayground.astro';
import { AUTHORING } from './authoring.ts';
import type { RecipeKind } from './types.ts';

type AstroComponent = typeof FeatureMapGrid;

const COMPONENTS: { [K in RecipeKind]: AstroComponent } = {
  'feature-maps': FeatureMapGrid,
  'channel-sweep': ChannelSweep,
  filters: FilterGallery,
  architecture: ArchitectureTable,
  'top-k': TopK,
  'dream-gallery': DreamGallery,
  'class-dream': ClassDream,
  'dream-compare': NaiveVsRecipe,
  deepdream: DeepDream,
  'style-grid': StyleGrid,
  'style-sweep': StyleSweep,
  gatys: GatysPanel,
  'fast-style': FastStyle,
  gram: GramMatrix,
  'input-photo': InputPhoto,
  saliency: SaliencyMap,
  'saliency-compare': SaliencyMethods,
  occlusion: OcclusionMap,
  'sanity-check': SanityCheck,
  faithfulness: FaithfulnessCurves,
  neighbours: NearestNeighbours,
  'embedding-map': EmbeddingMap,
  'top-patches': TopPatches,
  'filter-slide': FilterSlide,
  'layer-operation': LayerOperation,
  'network-overview': NetworkOverview,
  'layer-arithmetic': LayerArithmetic,
  'kernel-playground': KernelPlayground,
};

/** MDX tag name to Astro component (passed to <Content components>): figures need no import in an article. */
export const figureComponents: Record<string, AstroComponent> = Object.fromEntries(
  (Object.keys(COMPONENTS) as RecipeKind[]).map((kind) => [AUTHORING[kind].component, COMPONENTS[kind]]),
);
