/**
 * Two-dimensional maps of a set of feature vectors, computed once at build time and shipped as
 * coordinates (never re-fitted in the browser: Math.exp and friends may differ between engines).
 * - PCA: the two directions of largest variance; linear, so distances along them mean something.
 * - UMAP (McInnes et al. 2018, umap-js): keeps each point's neighbourhood, so clusters show; seeded, so the
 *   same vectors always give the same map.
 * Both work on unit-length rows: cosine similarity is what the neighbours use, and on unit vectors
 * Euclidean distance ranks the same way.
 */
import { UMAP } from 'umap-js';
import { mulberry32 } from '../dream/random.ts';
import type { VectorSet } from './neighbours.ts';

export type LayoutMethod = 'pca' | 'umap';
export const LAYOUT_METHODS: readonly LayoutMethod[] = ['pca', 'umap'];

export interface UmapOptions {
  seed?: number;
  /** Neighbours UMAP keeps together (its main knob: local against global structure). */
  neighbours?: number;
  /** How tightly points may pack. */
  minDist?: number;
  /** Optimisation epochs: a multiple of 3 (umap-js's transform() hangs otherwise; we never call it, but keep it safe). */
  epochs?: number;
}

/** Rows scaled to unit length (a zero row stays zero). */
export function unitRows(set: VectorSet): number[][] {
  return Array.from({ length: set.count }, (_, i) => {
    const v = Array.from(set.data.subarray(i * set.dim, (i + 1) * set.dim));
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  });
}

/** A 2-D map of the set's rows as a flat [x0, y0, x1, y1, ...] array. */
export function layout(set: VectorSet, method: LayoutMethod, options: UmapOptions = {}): Float32Array {
  const rows = unitRows(set);
  return method === 'pca' ? pca2(rows) : umap2(rows, options);
}

function umap2(rows: number[][], options: UmapOptions): Float32Array {
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(options.neighbours ?? 15, rows.length - 1),
    minDist: options.minDist ?? 0.1,
    nEpochs: options.epochs ?? 450,
    random: mulberry32(options.seed ?? 1),
  });
  return Float32Array.from(umap.fit(rows).flat());
}

/**
 * The first two principal components, by power iteration on the n x n Gram matrix of the centred rows
 * (n is a few hundred, the dimension up to a thousand), from a fixed start and with a fixed sign, so the
 * result is deterministic.
 */
export function pca2(rows: number[][]): Float32Array {
  const n = rows.length;
  const dim = rows[0]?.length ?? 0;
  const mean = new Float64Array(dim);
  for (const r of rows) for (let j = 0; j < dim; j++) mean[j]! += r[j]! / n;
  const centred = rows.map((r) => r.map((x, j) => x - mean[j]!));
  const gram = centred.map((a) => centred.map((b) => a.reduce((s, x, j) => s + x * b[j]!, 0)));
  const first = topEigenvector(gram, []);
  const second = topEigenvector(gram, [first]);
  const out = new Float32Array(n * 2);
  // The Gram matrix's eigenvector u with eigenvalue l gives the scores sqrt(l) u.
  for (const [axis, { vector, value }] of [first, second].entries()) {
    for (let i = 0; i < n; i++) out[i * 2 + axis] = vector[i]! * Math.sqrt(Math.max(value, 0));
  }
  return out;
}

interface Eigen {
  vector: Float64Array;
  value: number;
}

function topEigenvector(matrix: number[][], found: Eigen[], iterations = 300): Eigen {
  const n = matrix.length;
  let v = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7) / 7);
  let value = 0;
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += matrix[i]![j]! * v[j]!;
      next[i] = s;
    }
    // Deflation: stay orthogonal to the eigenvectors already found.
    for (const e of found) {
      const dot = next.reduce((s, x, i) => s + x * e.vector[i]!, 0);
      for (let i = 0; i < n; i++) next[i]! -= dot * e.vector[i]!;
    }
    const norm = Math.hypot(...next) || 1;
    value = norm;
    v = next.map((x) => x / norm);
  }
  // A fixed sign: the largest component is positive.
  let largest = 0;
  for (let i = 1; i < n; i++) if (Math.abs(v[i]!) > Math.abs(v[largest]!)) largest = i;
  if (v[largest]! < 0) v = v.map((x) => -x);
  return { vector: v, value };
}
