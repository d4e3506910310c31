/**
 * The LayerLens engine: pure TypeScript over tfjs, no DOM and no Astro. The build (Node) and the reader's
 * browser both call it, so a figure recomputed in the browser matches the one precomputed at build time.
 */
export {
  initBackend,
  currentBackend,
  BACKEND_ORDER,
  type BackendName,
  type BackendReport,
  type BackendRequest,
} from './backend.ts';
export { load, type LoadOptions } from './model/load.ts';
export { Network, type LayerActivation, type NetworkInput, type InputOptions } from './model/network.ts';
export { topK, softmax, type Prediction } from './model/classify.ts';
export { valueRange, maxMagnitude, type ValueRange } from './model/value-range.ts';
export { summarize, type SummaryRow } from './model/summary.ts';
export { filterImages, type FilterImages } from './visual/filters.ts';
export {
  toInputTensor,
  pixelsToRgb,
  resizeRgb,
  resizeGeometry,
  RESIZE_MODES,
  type ImagePixels,
  type ResizeMode,
  type InputSize,
} from './image/preprocess.ts';
export { HttpSource, type PackSource } from './source.ts';
export { MissingWeightsError, UnknownLayerError } from './errors.ts';
export { PhotoAnalysis } from './figures/photo-analysis.ts';
export { computeFigure, type FigureResult, type FigureData, type AtlasData } from './figures/compute.ts';
export { computeStyleFigure, type StyleInputs, type StyleData } from './figures/style-figures.ts';
export {
  isStyleRecipe,
  styleLayersOf,
  styleRecipeLayers,
  type StyleRecipe,
  type StyleGridRecipe,
  type StyleSweepRecipe,
  type GatysRecipe,
  type FastStyleRecipe,
  type GramRecipe,
  type GatysSettings,
} from './figures/style-recipe.ts';
export { fitPhoto, fitSize } from './image/fit.ts';
export {
  recipeModels,
  recipeImages,
  usesPhoto,
  recipeLayers,
  recipeCost,
  loadDepth,
  needsWholeModel,
  type Recipe,
  type PhotoRecipe,
  type FeatureMapsRecipe,
  type ChannelSweepRecipe,
  type TopKRecipe,
  type FiltersRecipe,
  type ArchitectureRecipe,
} from './figures/recipe.ts';
export { atlasLayout, tileOrigin, type AtlasLayout, type RgbaImage } from './visual/atlas.ts';
export { VIRIDIS } from './visual/colormap.ts';
export type {
  DreamRecipe,
  DreamGalleryRecipe,
  ClassDreamRecipe,
  DreamCompareRecipe,
  DeepDreamRecipe,
} from './figures/dream-recipe.ts';
export type { DreamData, DreamProgress } from './figures/dream-figures.ts';
export {
  visualize,
  visualizeNaive,
  type VisualizeOptions,
  type DreamResult,
  type DreamFrame,
} from './dream/visualize.ts';
export { deepDreamPhoto, octaveSizes, type DeepDreamOptions, type DeepDreamResult } from './dream/deepdream.ts';
export * as objectives from './dream/objectives.ts';
export type { Objective } from './dream/objectives.ts';
export { objectiveValue, measureObjective, measureUnderTransforms } from './dream/evaluate.ts';
export {
  fourierImage,
  pixelImage,
  decorrelationMatrix,
  COLOR_CORRELATION_SQRT,
  type ImageParam,
  type ImageSize,
  type FourierOptions,
} from './dream/param.ts';
export {
  fourierBasis,
  disposeBasis,
  irfft2d,
  spectrumScale,
  fftFrequencies,
  type FourierBasis,
} from './dream/fourier.ts';
export {
  LUCID_TRANSFORMS,
  randomTransform,
  drawTransform,
  applyTransform,
  rotateScale,
  padImage,
  cropImage,
  roll,
  type TransformOptions,
  type TransformDraw,
} from './dream/transforms.ts';
export { bilinearSample, rotateScaleGrid, type SampleGrid } from './dream/sample.ts';
export { mulberry32, gaussian, normalArray, randomInt, pick, type Random } from './dream/random.ts';
export { toModelInput } from './dream/model-input.ts';
export { ensureGradients } from './dream/gradients.ts';
export { Adam, type AdamOptions } from './dream/adam.ts';
export { loadFastStyle, FastStyleNetwork, FAST_STYLE_MAX_PIXELS, type StylizeOptions } from './style/fast-style.ts';
export {
  gatys,
  type GatysOptions,
  type GatysResult,
  type GatysFrame,
  type GatysLoss,
  type StyleLayer,
} from './style/gatys.ts';
export { gramMatrix } from './style/gram.ts';
export { forwardConvFlops } from './style/flops.ts';
