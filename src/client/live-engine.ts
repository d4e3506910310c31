/**
 * The article's engine, started once on first use: the page's models and load plan (embedded at build
 * time as #ll-engine), the backend from ?backend= or the automatic choice. Loaded only when a reader asks
 * for something live, so tfjs never loads before.
 */
import type { BackendReport } from '../engine/index.ts';
import type { PageEngine } from '../figures/page-engine.ts';
import type { Recipe } from '../figures/registry/types.ts';
import { requestedBackend } from './download-size.ts';
import { engineClient, type EngineClient } from './engine/client.ts';
import { readerClass, readerPhoto } from './figure-state.ts';

export interface LiveEngine {
  client: EngineClient;
  report: BackendReport;
  /** How to name the backend to a reader: "wasm", or "wasm on the page's thread (why)". */
  label: string;
}

let started: Promise<LiveEngine> | null = null;

export function liveEngine(): Promise<LiveEngine> {
  started ??= (async () => {
    const engine = JSON.parse(document.getElementById('ll-engine')!.textContent!) as PageEngine;
    const prefer = requestedBackend();
    const client = engineClient(prefer);
    const report = await client.start(prefer, engine, engine.gradients);
    document.documentElement.dataset.engineThread = client.where.thread;
    document.documentElement.dataset.engineBackend = report.name;
    document.documentElement.dataset.engineSkipped = report.skipped.map((s) => `${s.name}: ${s.reason}`).join('; ');
    const label =
      client.where.thread === 'worker' ? report.name : `${report.name} on the page's thread (${client.where.why})`;
    return { client, report, label };
  })();
  // A failed start may be retried (the next click tries again).
  started.catch(() => (started = null));
  return started;
}

/**
 * The recipe as it runs now: on the reader's photo, when one is given and the figure follows it (a figure
 * its author pinned to its image keeps it);
 * explaining the class the reader picked, when the figure follows the photo's top class.
 */
export function withReaderPhoto<R extends Recipe>(recipe: R, follows = true): R {
  const photo = readerPhoto();
  const onPhoto = photo && follows && 'image' in recipe ? { ...recipe, image: photo.ref } : recipe;
  const chosen = readerClass();
  if (!chosen || !followsTopClass(onPhoto) || onPhoto.model !== chosen.model) return onPhoto;
  return { ...onPhoto, target: { kind: 'class', index: chosen.index, label: chosen.label } };
}

/** A figure whose target is the photo's top class (the class picker re-targets it; a class the author named stays). */
export function followsTopClass(recipe: Recipe): recipe is Extract<Recipe, { target: unknown }> {
  return 'target' in recipe && recipe.target.kind === 'top-class';
}

/** Exposes the engine's counters on the page (tests and the benchmark read them): tensors, weight loads. */
export async function publishStats(): Promise<void> {
  const { client } = await liveEngine();
  const stats = await client.stats();
  document.documentElement.dataset.tensors = String(stats.tensors);
  for (const [model, loads] of Object.entries(stats.loads)) {
    document.documentElement.dataset[
      `modelLoads${model.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`
    ] = String(loads);
  }
}
