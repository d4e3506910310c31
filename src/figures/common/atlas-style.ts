/**
 * How the figure atlases look on the page: the gap between tiles is the page's background colour, so an
 * atlas reads as a grid of separate maps. A page concern, so it lives here and the engine takes it as a
 * parameter.
 */
import type { Rgba } from '../../engine/index.ts';

export const PAGE_BACKGROUND: Rgba = [253, 252, 249, 255];

/** Pixels between feature-map and dream tiles. */
export const TILE_GAP = 2;
