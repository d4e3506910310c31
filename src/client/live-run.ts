/**
 * One figure computed live on request (a re-run, the Gatys panel): its state line, frames streaming into
 * its image while it forms, Stop through an abort signal, the result shown at the end. A new photo or
 * "back to the article's photo" stops it too.
 */
import type { Recipe } from '../figures/registry/types.ts';
import type { Outcome } from './engine/protocol.ts';
import { photoSignal, readerPhoto, setPhotoName, setState } from './figure-state.ts';
import { figureImage, showOutcome, showPng } from './figure-view.ts';
import { liveEngine, publishStats, withReaderPhoto } from './live-engine.ts';

export interface LiveRunOptions {
  /** Aborts the run (a Stop button). */
  signal?: AbortSignal;
  /** Optimisation steps between frames. */
  frameEvery?: number;
  /** Progress as the work advances (0 to 1) and seconds so far. */
  onProgress?: (fraction: number, seconds: number) => void;
  /** The state line once done, from the outcome and the seconds it took. */
  doneText: (outcome: Outcome, seconds: number) => string;
  /**
   * The recipe's own image is the reader's choice for this run (a sample preset): it is computed as it is,
   * even on a figure that follows the reader's photo.
   */
  ownImage?: boolean;
}

/** Computes the recipe live into the figure; the outcome, or null when stopped or failed (the state says which). */
export async function runLive(figure: HTMLElement, recipe: Recipe, options: LiveRunOptions): Promise<Outcome | null> {
  const photo = readerPhoto();
  // A run on the photo stops when the photo changes; a dream's recipe does not depend on it.
  const follows = figure.dataset.follows !== undefined && !options.ownImage;
  const photoAtStart = 'image' in recipe && follows ? photoSignal() : undefined;
  const signals = [options.signal, photoAtStart].filter((s) => s !== undefined);
  const signal = signals.length ? AbortSignal.any(signals) : undefined;
  setState(figure, 'computing', 'Starting the engine...');
  try {
    const { client, label } = await liveEngine();
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const image = figureImage(figure);
    const outcome = await client.compute(withReaderPhoto(recipe, follows), {
      signal,
      frameEvery: options.frameEvery,
      onPartial: (png) => {
        if (image) showPng(image, png);
        setState(figure, 'computing', `Optimising on ${label}... ${seconds().toFixed(1)} s`);
      },
      onWork: (fraction) => options.onProgress?.(fraction, seconds()),
    });
    await showOutcome(figure, outcome);
    if (photo && 'image' in recipe && follows) setPhotoName(figure, photo.name);
    setState(figure, 'done', options.doneText(outcome, seconds()) + (outcome.note ? ` ${outcome.note}` : ''));
    figure.dataset.liveBackend = outcome.backend;
    return outcome;
  } catch (error) {
    // A newer photo (or the way back) took over: its own run sets the figure's state.
    if (photoAtStart?.aborted && !options.signal?.aborted) return null;
    const stopped = options.signal?.aborted === true;
    const message = error instanceof Error ? error.message : String(error);
    setState(figure, stopped ? 'done' : 'error', stopped ? 'Stopped by the reader.' : `Could not run: ${message}`);
    return null;
  } finally {
    await publishStats().catch(() => undefined);
  }
}
