/**
 * A new image (the reader's photo) placed on a map fitted without it: at the weighted average of its k
 * nearest neighbours' map positions, each weighted by the inverse of its cosine distance (1 - similarity)
 * to the power PLACE_POWER, so a near-duplicate lands on its twin and the nearest images pull hardest. The map
 * itself never moves (re-fitting would redraw every point; umap-js's transform() also moves the fitted
 * points when given as many as it was fitted on).
 */
import { cosineNeighbours, type Neighbour, type VectorSet } from './neighbours.ts';

/** Neighbours averaged: 5, the figures' neighbour count, found the best of 3, 5, 10 and 15 (npm run bench). */
export const PLACE_NEIGHBOURS = 5;

/**
 * The weights' power. With 1 the average often lands between clusters; 4 puts the placed point's nearest
 * map point among its 5 feature-space neighbours 54% of the time against 47% (six held-out folds and
 * fits), keeping as much of its 10-neighbourhood (0.478 against 0.477); 8 starts to lose it (npm run bench).
 */
export const PLACE_POWER = 4;

export interface Placement {
  x: number;
  y: number;
  /** The neighbours it was placed among, most similar first. */
  neighbours: Neighbour[];
}

export function placePoint(
  vector: ArrayLike<number>,
  set: VectorSet,
  coordinates: Float32Array,
  k = PLACE_NEIGHBOURS,
  exclude = -1,
  power = PLACE_POWER,
): Placement {
  const neighbours = cosineNeighbours(vector, set, k, exclude);
  let x = 0;
  let y = 0;
  let total = 0;
  for (const n of neighbours) {
    const weight = (1 / Math.max(1 - n.score, 1e-6)) ** power;
    x += weight * coordinates[n.index * 2]!;
    y += weight * coordinates[n.index * 2 + 1]!;
    total += weight;
  }
  return { x: x / total, y: y / total, neighbours };
}
