/**
 * A new image (the reader's photo) placed on a map fitted without it: at the weighted average of its k
 * nearest neighbours' map positions, each weighted by the inverse of its cosine distance (1 - similarity),
 * so a near-duplicate lands on its twin and an image between two clusters lands between them. The map
 * itself never moves (re-fitting would redraw every point; umap-js's transform() also moves the fitted
 * points when given as many as it was fitted on).
 */
import { cosineNeighbours, type Neighbour, type VectorSet } from './neighbours.ts';

/** Neighbours averaged: 5, the figures' neighbour count, found the best of 3, 5, 10 and 15 (npm run bench). */
export const PLACE_NEIGHBOURS = 5;

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
): Placement {
  const neighbours = cosineNeighbours(vector, set, k, exclude);
  let x = 0;
  let y = 0;
  let total = 0;
  for (const n of neighbours) {
    const weight = 1 / Math.max(1 - n.score, 1e-6);
    x += weight * coordinates[n.index * 2]!;
    y += weight * coordinates[n.index * 2 + 1]!;
    total += weight;
  }
  return { x: x / total, y: y / total, neighbours };
}
