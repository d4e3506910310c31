/**
 * The engine's internals that tests check one by one. Only tests import this entry (an ESLint rule says
 * so); figure kinds and the input implementations use src/engine/index.ts.
 */
export { pixelsToRgb, resizeGeometry, toInputTensor } from './image/preprocess.ts';
export { valueRange, maxMagnitude } from './model/value-range.ts';
export { summarize } from './model/summary.ts';
export type { LayerActivation } from './model/network.ts';
export { filterImages } from './visual/filters.ts';
export { gatys } from './style/gatys.ts';
export { FAST_STYLE_MAX_PIXELS, FastStyleNetwork } from './style/fast-style.ts';
export { MissingWeightsError, CorruptWeightsError, UnknownLayerError } from './errors.ts';
