/**
 * Messages between the page and its engine (a Web Worker, or the page itself where workers cannot run it).
 * Plain data only: recipes, results as PNG blobs plus their figure data, numbers and strings.
 */
import type { BackendName, BackendReport } from '../../engine/index.ts';
import type { PageEngine } from '../../figures/page-engine.ts';
import type { FigureData, Recipe } from '../../figures/registry/types.ts';

export type PhotoReply =
  { ok: true; ref: string; width: number; height: number; notes: string[] } | { ok: false; message: string };

/** A figure's image as the page shows it: a lossless PNG and its size. */
export interface Png {
  blob: Blob;
  width: number;
  height: number;
}

export interface Outcome {
  png?: Png;
  data: FigureData;
  /** The backend it ran on (it may change mid-page when a WebGPU device is lost). */
  backend: string;
  ms: number;
  /** Something the reader should know about how it ran (a backend restarted). */
  note?: string;
}

export type Request =
  | { type: 'start'; id: number; prefer: BackendName | 'auto'; engine: PageEngine; gradients: boolean }
  | { type: 'photo'; id: number; file: Blob; name: string }
  | { type: 'compute'; id: number; recipe: Recipe; frames: boolean; frameEvery?: number }
  | { type: 'abort'; id: number }
  | { type: 'stats'; id: number };

export interface Stats {
  /** Weight loads per model since the page opened (one each is the goal). */
  loads: Record<string, number>;
  /** Live tensors (must not grow from one photo to the next). */
  tensors: number;
}

export type Reply =
  | { type: 'started'; id: number; report: BackendReport }
  | { type: 'photo'; id: number; reply: PhotoReply }
  | { type: 'partial'; id: number; png: Png }
  | { type: 'work'; id: number; fraction: number }
  | { type: 'done'; id: number; outcome: Outcome }
  | { type: 'stats'; id: number; stats: Stats }
  | { type: 'error'; id: number; message: string; aborted: boolean };
