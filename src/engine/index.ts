/**
 * The LayerLens engine: pure TypeScript over tfjs, no DOM and no Astro. The build (Node) and the reader's
 * browser both call it, so a figure recomputed in the browser matches the one precomputed at build time.
 */
export { initBackend, currentBackend, BACKEND_ORDER, type BackendName, type BackendReport, type BackendRequest } from './backend.ts';
export { load, type LoadOptions } from './model/load.ts';
export { Network, type LayerActivation, type NetworkInput, type InputOptions } from './model/network.ts';
export { topK, softmax, type Prediction } from './model/classify.ts';
export { valueRange, maxMagnitude, type ValueRange } from './model/value-range.ts';
export { summarize, type SummaryRow } from './model/summary.ts';
export { filterImages, type FilterImages } from './visual/filters.ts';
export { toInputTensor, pixelsToRgb, resizeGeometry, RESIZE_MODES, type ImagePixels, type ResizeMode, type InputSize } from './image/preprocess.ts';
export { HttpSource, type PackSource } from './source.ts';
export { MissingWeightsError, UnknownLayerError } from './errors.ts';
export { PhotoAnalysis } from './figures/photo-analysis.ts';
export { computeFigure, type FigureResult, type FigureData, type AtlasData } from './figures/compute.ts';
export { usesPhoto, recipeLayers, type Recipe, type PhotoRecipe, type FeatureMapsRecipe, type ChannelSweepRecipe, type TopKRecipe, type FiltersRecipe, type ArchitectureRecipe } from './figures/recipe.ts';
export { atlasLayout, tileOrigin, type AtlasLayout, type RgbaImage } from './visual/atlas.ts';
export { VIRIDIS } from './visual/colormap.ts';
