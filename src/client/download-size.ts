/**
 * What the photo button will download before the reader presses it: the engine (its worker's code, the
 * backend it will start, the tfjs wasm binary) measured on the build's output, and the page's weights
 * sized from the registry at build time. No tfjs here: this runs in the page's small script.
 */
import type { BackendName } from '../engine/backend-names.ts';

/** Bytes of each part of the engine, as the build wrote them (src/integrations/engine-bytes.ts). */
export interface EngineBytes {
  /** The worker's entry and its static imports (tfjs core, the figures' compute code). */
  core: number;
  webgpu: number;
  webgl: number;
  /** The wasm backend's chunks and its SIMD binary. */
  wasm: number;
  cpu: number;
  /** tfjs's gradients, for pages whose figures take gradients. */
  gradients: number;
}

/** One model's weights at the page's planned depth (src/node/model-downloads.ts). */
export interface ModelDownload {
  /** The model's id, as recipes name it. */
  id: string;
  name: string;
  bytes: number;
}

/**
 * The models the reader's photo makes the page load: those a recomputed figure's recipe names (a resolved
 * recipe names its model by id). A figure that reads none (the input photo) loads none.
 */
export function modelsUsed(models: ModelDownload[], recipes: string[]): ModelDownload[] {
  return models.filter((model) => recipes.some((recipe) => recipe.includes(`"${model.id}"`)));
}

export interface Download {
  /** Total bytes, or null when the engine's size is unknown (`astro dev` bundles nothing). */
  bytes: number | null;
  /** "the engine and Tiny Darknet's weights". */
  what: string;
}

/** ?backend=wasm (or webgpu, webgl, cpu) forces a backend; default: the automatic choice. */
export function requestedBackend(): BackendName | 'auto' {
  return (new URLSearchParams(location.search).get('backend') as BackendName | null) ?? 'auto';
}

/**
 * The backend whose code the browser will fetch: the one asked for, else WebGPU where the browser has it
 * (a software adapter falls back to wasm, about the same size), else wasm (WebGL is rarely reached: a
 * browser without WebGPU but with a real GPU; its code is about the size of wasm's).
 */
export function likelyBackend(requested: BackendName | 'auto', hasWebGpu: boolean): BackendName {
  if (requested !== 'auto') return requested;
  return hasWebGpu ? 'webgpu' : 'wasm';
}

export function download(
  engine: EngineBytes | null,
  backend: BackendName,
  gradients: boolean,
  models: ModelDownload[],
): Download {
  const weights = models.reduce((sum, m) => sum + m.bytes, 0);
  const owners = ownersOf(models);
  const whose = owners.length > 1 ? `${owners.slice(0, -1).join(', ')} and ${owners.at(-1)}` : owners[0];
  const what = whose ? `the engine and ${whose} weights` : 'the engine';
  if (!engine) return { bytes: null, what };
  return { bytes: engine.core + engine[backend] + (gradients ? engine.gradients : 0) + weights, what };
}

/** The family of a model named "Family: member" ("Fast style transfer: Udnie"), else null. */
const familyOf = (name: string): string | null => /^(.+?):\s/.exec(name)?.[1] ?? null;

/**
 * Whose weights, in the models' order: "Tiny Darknet's"; several models of one family are counted, not listed
 * ("9 fast style transfer networks'"), so the button of the style article stays one line, not twelve.
 */
function ownersOf(models: ModelDownload[]): string[] {
  const families = models.map((m) => familyOf(m.name));
  const owners = models.map((model, i) => {
    const family = families[i];
    const many = families.filter((f) => f !== null && f === family).length;
    return many < 2 ? `${model.name}'s` : `${many} ${family!.toLowerCase()} networks'`;
  });
  return [...new Set(owners)];
}

/** "downloads 4.1 MB: the engine and Tiny Darknet's weights"; without a measured engine, no number. */
export function downloadText({ bytes, what }: Download): string {
  return bytes === null ? `downloads ${what}` : `downloads ${formatBytes(bytes)}: ${what}`;
}

/** Decimal units, as browsers and operating systems show download sizes: "4.1 MB", "850 kB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
