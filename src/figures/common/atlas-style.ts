/**
 * How the figure atlases look on the page: the gap between tiles is transparent, so the page's paper shows
 * through (light or dark) and an atlas reads as a grid of separate maps. The colour under the zero alpha is
 * the light paper's, for viewers that drop the alpha. A page concern, so it lives here and the engine takes
 * it as a parameter.
 */
import type { Rgba } from '../../engine/index.ts';

export const PAGE_BACKGROUND: Rgba = [253, 252, 249, 0];

/** Pixels between feature-map and dream tiles. */
export const TILE_GAP = 2;
