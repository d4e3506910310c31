/**
 * Nearest neighbours in a set of vectors (rows of one flat array): by cosine similarity in feature space,
 * by Euclidean distance in pixel space, and the two measures the figures report: how often a neighbour is
 * of the same category (precision at k), and how much of a map's neighbourhoods the 2-D layout keeps.
 */

export interface Neighbour {
  index: number;
  /** Cosine similarity (feature space) or Euclidean distance (pixel space, 2-D maps). */
  score: number;
}

/** Vectors as rows of a flat array. */
export interface VectorSet {
  count: number;
  dim: number;
  data: Float32Array | Uint8Array;
}

export function row(set: VectorSet, i: number): Float32Array | Uint8Array {
  return set.data.subarray(i * set.dim, (i + 1) * set.dim);
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>, scale = 1): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i]! - b[i]!) / scale;
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** The k most cosine-similar rows to `query` (most similar first), leaving out `exclude`. */
export function cosineNeighbours(query: ArrayLike<number>, set: VectorSet, k: number, exclude = -1): Neighbour[] {
  const scored: Neighbour[] = [];
  for (let i = 0; i < set.count; i++) if (i !== exclude) scored.push({ index: i, score: cosine(query, row(set, i)) });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}

/** The k nearest rows by Euclidean distance (nearest first); `scale` divides every value (255 for bytes). */
export function euclideanNeighbours(
  query: ArrayLike<number>,
  set: VectorSet,
  k: number,
  exclude = -1,
  scale = 1,
): Neighbour[] {
  const scored: Neighbour[] = [];
  for (let i = 0; i < set.count; i++)
    if (i !== exclude) scored.push({ index: i, score: euclidean(query, row(set, i), scale) });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).slice(0, k);
}

/** Each row's k neighbours within the set itself (leave-one-out). */
export function allNeighbours(set: VectorSet, k: number, metric: 'cosine' | 'euclidean', scale = 1): number[][] {
  return Array.from({ length: set.count }, (_, i) =>
    (metric === 'cosine'
      ? cosineNeighbours(row(set, i), set, k, i)
      : euclideanNeighbours(row(set, i), set, k, i, scale)
    ).map((n) => n.index),
  );
}

/** The share of each item's k neighbours that share its label, averaged over the items. */
export function precisionAtK(neighbours: number[][], labels: readonly string[]): number {
  let hits = 0;
  let total = 0;
  neighbours.forEach((list, i) => {
    for (const j of list) hits += labels[j] === labels[i] ? 1 : 0;
    total += list.length;
  });
  return total ? hits / total : 0;
}

/** The share of each item's k neighbours in one space that are among its k neighbours in the other. */
export function neighbourhoodPreservation(a: number[][], b: number[][]): number {
  let kept = 0;
  let total = 0;
  a.forEach((list, i) => {
    const other = new Set(b[i]);
    for (const j of list) kept += other.has(j) ? 1 : 0;
    total += list.length;
  });
  return total ? kept / total : 0;
}
