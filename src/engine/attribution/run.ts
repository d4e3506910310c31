/** How a multi-pass attribution is run: cancelled between passes, and watched as its map refines. */
import { nextTask } from '../dream/evaluate.ts';
import type { AttributionMap } from './map.ts';

export interface AttributionRun {
  /** Aborting rejects with the signal's reason at the next pass, every tensor freed. */
  signal?: AbortSignal;
  /** The map so far after each pass (SmoothGrad's running mean, occlusion's rows). */
  onPartial?: (map: AttributionMap, done: number, total: number) => void | Promise<void>;
}

/** Between passes: lets an abort (and a page's repaint) in, then throws if aborted. */
export async function checkpoint(run: AttributionRun): Promise<void> {
  await nextTask();
  run.signal?.throwIfAborted();
}
