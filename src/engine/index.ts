/**
 * The LayerLens engine: pure TypeScript over tfjs, no DOM, no Astro, no schema library. The build (Node)
 * and the reader's browser both call it, so a figure recomputed in the browser matches the one precomputed
 * at build time. This is its whole public surface; figure kinds and the two input implementations (Node,
 * browser) import nothing else of it. Tests may also reach into its modules.
 */
import * as tf from '@tensorflow/tfjs-core';
import { deviceLost, initBackend } from './backend.ts';
import { deepDreamPhoto } from './dream/deepdream.ts';
import { CorruptWeightsError, MissingWeightsError, UnknownLayerError } from './errors.ts';
import {
  beforeNonLinearity,
  channel,
  classLogit,
  deepDream,
  logitsLayer,
  mix,
  neuron,
  sum,
} from './dream/objectives.ts';
import { visualize, visualizeNaive } from './dream/visualize.ts';
import { fitPhoto, fitSize } from './image/fit.ts';
import { greyImage, handKernel, kernelDrawing } from './image/hand-kernel.ts';
import { RESIZE_MODES } from './image/preprocess.ts';
import { gatys } from './style/gatys.ts';
import { gramBlock } from './style/gram.ts';
import { atlasLayout, blankAtlas, featureMapAtlas, placeTile, tileAtlas, tileOrigin } from './visual/atlas.ts';
import { filterImages } from './visual/filters.ts';
import { heatmap } from './visual/heatmap.ts';
import { overlayMap, paletteGradient } from './visual/overlay.ts';
import { enlargeRgb, thumbnail } from './visual/thumbnail.ts';
import { attribute, METHOD_NAMES } from './attribution/methods.ts';
import { camLayer } from './attribution/cam.ts';
import { modelView } from './attribution/model-view.ts';
import { CLIP_PERCENTILE, normaliseMap } from './attribution/map.ts';
import { randomisedNetwork, sanityCascade } from './attribution/sanity.ts';
import { deletionInsertion } from './attribution/faithfulness.ts';
import { spearman } from './attribution/rank.ts';
import { batchScores, measureName } from './attribution/batch-score.ts';
import { scoreLayer } from './attribution/target.ts';
import { cutoutOnBackground } from './embedding/cutout.ts';
import { featuresOf, layerFeatures } from './embedding/features.ts';
import { layout, LAYOUT_METHODS } from './embedding/layout.ts';
import {
  allNeighbours,
  cosineNeighbours,
  euclideanNeighbours,
  neighbourhoodPreservation,
  precisionAtK,
} from './embedding/neighbours.ts';
import { PIXEL_VECTOR_SIDE, pixelVector } from './embedding/pixel-vector.ts';
import { PLACE_NEIGHBOURS, placePoint } from './embedding/place.ts';
import { unitPatch } from './embedding/patch.ts';
import { receptiveField, unitBox } from './embedding/receptive-field.ts';
import { convWindow } from './model/conv-window.ts';
import { layerActivation, logits, poolInput } from './model/layer-parts.ts';
import { convWeights, denseWeights, overviewSpan, poolGeometry } from './overview/span.ts';
import { overviewAtlas, pageChannels, sampleChannels } from './overview/draw.ts';
import { channelMap, convNeuron, maxPoolMap, softmaxSteps } from './overview/neuron.ts';

// Loading.
export { load, type LoadOptions } from './model/load.ts';
export { loadFastStyle, type FastStyleNetwork } from './style/fast-style.ts';
export { HttpSource, type PackSource } from './source.ts';
export type { BackendName, BackendReport } from './backend.ts';

// What a loaded network is and gives.
export type { Network } from './model/network.ts';
export type { ModelSpec } from './model/spec.ts';
export type { Prediction } from './model/classify.ts';
export type { SummaryRow } from './model/summary.ts';
export type { ValueRange } from './model/value-range.ts';
export type { Activation } from './model/plan.ts';
export type { ConvWindow, PatchBox } from './model/conv-window.ts';
export type { HandKernelResult, KernelDrawing } from './image/hand-kernel.ts';

// Images in and out.
export type { ImagePixels, ResizeMode } from './image/preprocess.ts';
export type { RgbaImage, Rgba } from './visual/atlas.ts';
export type { AtlasLayout } from './visual/atlas-layout.ts';
export type { GatysLoss } from './style/objective.ts';
export type { AttributionMap } from './attribution/map.ts';
export type { AttributionTarget } from './attribution/target.ts';
export type { Attribution, MethodName, MethodSpec } from './attribution/methods.ts';
export type { Completeness } from './attribution/integrated-gradients.ts';
export type { CascadeStep } from './attribution/sanity.ts';
export type { Curves } from './attribution/faithfulness.ts';
export type { AttributionRun } from './attribution/run.ts';
export type { ChannelPeaks, LayerFeatures } from './embedding/features.ts';
export type { LayoutMethod } from './embedding/layout.ts';
export type { Neighbour, VectorSet } from './embedding/neighbours.ts';
export type { Placement } from './embedding/place.ts';
export type { PixelBox, ReceptiveField } from './embedding/receptive-field.ts';
export type { ConvWeightsData, OverviewSpan, SpanColumn, SpanKind } from './overview/span.ts';
export type { ConvDecomposition, Map2d, SoftmaxSteps, UnitActivation, WindowGeometry } from './overview/neuron.ts';

/** The compute backend: start-up (the fastest that works), a lost WebGPU device, live tensors (leak checks). */
export const backend = { init: initBackend, deviceLost, tensorCount: () => tf.memory().numTensors };

/** What can go wrong loading a model, with the fields a caller needs to say the fix. */
export const errors = { MissingWeightsError, CorruptWeightsError, UnknownLayerError };

/** Photos in: fitting to a size budget, and the ways a photo is fitted to a model's input. */
export const image = { fitPhoto, fitSize, RESIZE_MODES };

/** Pictures out: atlases of tiles, filters as tiles, matrices as heatmaps. */
export const visual = {
  atlasLayout,
  tileOrigin,
  blankAtlas,
  placeTile,
  featureMapAtlas,
  tileAtlas,
  filterImages,
  heatmap,
  overlayMap,
  paletteGradient,
  thumbnail,
  enlargeRgb,
  greyImage,
};

/** Feature visualisation (Olah et al. 2017; Lucid): objectives, the recipe, naive ascent, DeepDream. */
export const dream = {
  visualize,
  visualizeNaive,
  deepDreamPhoto,
  objectives: { channel, neuron, classLogit, deepDream, mix, sum, beforeNonLinearity, logitsLayer },
};

/** Style transfer (Gatys et al. 2016): the optimisation and the Gram matrices it matches. */
export const style = { gatys, gramBlock };

/**
 * Where the network looks: attribution maps (gradients, guided backprop, Grad-CAM, CAM, SmoothGrad,
 * Integrated Gradients, occlusion), one way to draw them, and the tests of whether to trust them.
 */
export const attribution = {
  attribute,
  METHOD_NAMES,
  modelView,
  scoreLayer,
  camLayer,
  measureName,
  targetValues: batchScores,
  normaliseMap,
  CLIP_PERCENTILE,
  sanityCascade,
  randomisedNetwork,
  deletionInsertion,
  spearman,
};

/**
 * What the last layer knows: images as feature vectors (and as pixels, for comparison), their neighbours,
 * 2-D maps of a set (build time only), a new image placed on one, and a unit's window on an image.
 */
export const embedding = {
  cutoutOnBackground,
  layerFeatures,
  featuresOf,
  pixelVector,
  PIXEL_VECTOR_SIDE,
  cosineNeighbours,
  euclideanNeighbours,
  allNeighbours,
  precisionAtK,
  neighbourhoodPreservation,
  layout,
  LAYOUT_METHODS,
  placePoint,
  PLACE_NEIGHBOURS,
  receptiveField,
  unitBox,
  unitPatch,
};

/**
 * A layer's arithmetic laid open for teaching figures: a first-layer unit's kernel, bias and input window,
 * a layer's non-linearity, a pool's input, the logits before the softmax; and a hand-made 3x3 kernel over
 * the photo in grey, to set beside the learned ones.
 */
export const operations = { convWindow, layerActivation, poolInput, logits, handKernel, kernelDrawing };

/**
 * A whole network open to inspection (CNN Explainer's overview): the layers of a run, their weights for
 * the drawn channels, the grid of maps, and each map taken apart (conv sums, pool windows, softmax).
 */
export const overview = {
  overviewSpan,
  convWeights,
  poolGeometry,
  denseWeights,
  overviewAtlas,
  sampleChannels,
  pageChannels,
  channelMap,
  convNeuron,
  maxPoolMap,
  softmaxSteps,
};
