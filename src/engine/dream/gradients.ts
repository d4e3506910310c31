/**
 * Gradient functions for tfjs ops. tfjs-core registers none by itself: the union package and tfjs-layers
 * do it as a side effect. Feature visualisation needs them, so it asks for them here before optimising.
 *
 * Bundlers (Vite in the browser) load tfjs-core's ESM `register_all_gradients`. Node cannot load that file
 * (extensionless ESM imports in a CommonJS package), so there the CommonJS bundle of tfjs-layers, which
 * carries the same gradient configs, registers them into the same global registry.
 */
import * as tf from '@tensorflow/tfjs-core';

let ready: Promise<void> | undefined;

/** Registers tfjs's gradient functions once; resolves when tf.grad works through conv, pool and friends. */
export function ensureGradients(): Promise<void> {
  ready ??= register();
  return ready;
}

async function register(): Promise<void> {
  if (registered()) return;
  try {
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  } catch {
    // Node: a variable specifier keeps bundlers from pulling tfjs-layers into browser code.
    const nodeFallback = '@tensorflow/tfjs-layers';
    await import(/* @vite-ignore */ nodeFallback);
  }
  if (!registered())
    throw new Error('tfjs gradient functions could not be registered (is @tensorflow/tfjs-layers installed?).');
}

function registered(): boolean {
  return tf.getGradient('Conv2D') !== undefined && tf.getGradient('MaxPool') !== undefined;
}
