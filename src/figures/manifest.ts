/**
 * The manifest the precompute writes and the Astro components read: every figure of the current content,
 * by recipe key. Components fail the build with a clear message when a figure is missing from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataOf, RecipeKind, RecipeOf } from './registry/types.ts';
import { workDir } from '../node/paths.ts';
import type { ProfileName } from './profiles.ts';

export const MANIFEST_FILE = 'manifest.json';
export const REPORT_FILE = 'precompute-report.json';
/** URL folder the figure images are served from. */
export const FIGURES_URL = 'figures';

/** One computed figure: what the precompute cache stores and the manifest lists. */
export interface ManifestFigure<K extends RecipeKind = RecipeKind> {
  /** Hash of everything that determines the figure (engine code, weights, image, recipe). */
  cacheKey: string;
  recipe: RecipeOf<K>;
  data: DataOf<K>;
  /** The figure's image, stored as <content hash>.png under the cache's files folder. */
  image?: { file: string; width: number; height: number };
  /** Recipe and data as a JSON file (<content hash>.json), fetched by the page when a reader needs it. */
  meta: string;
  /** Backend that computed it. */
  backend: string;
  /** Milliseconds the computation took. */
  ms: number;
}

export interface Manifest {
  /** Folder holding the figure images. */
  cacheFiles: string;
  /** The build profile the figures were computed with. */
  profile: ProfileName;
  figures: Record<string, ManifestFigure>;
  /** Image-set indexes the figures compare photos with, as files under the figures' folder (sets/...). */
  sets?: string[];
}

/** A manifest figure is of this kind (its data was computed by that kind from that recipe). */
export function isFigureOf<K extends RecipeKind>(figure: ManifestFigure, kind: K): figure is ManifestFigure<K> {
  return figure.recipe.kind === kind;
}

/** Files of the manifest's figures (to copy into the built site). */
export function manifestFiles(manifest: Manifest): string[] {
  return [
    ...Object.values(manifest.figures).flatMap((f) => [f.meta, ...(f.image ? [f.image.file] : [])]),
    ...(manifest.sets ?? []),
  ];
}

export function readManifest(): Manifest {
  const file = path.join(workDir(), MANIFEST_FILE);
  if (!existsSync(file)) return { cacheFiles: '', profile: 'cpu', figures: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}
