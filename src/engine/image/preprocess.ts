/**
 * Decoded pixels to a network's input tensor: alpha flattened onto white, grey expanded to RGB, resized by
 * a named mode, then scaled, reordered and mean-subtracted as the model expects. Every step is a tfjs op,
 * so build time (Node) and the reader's browser produce the same tensor from the same pixels.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Preprocessing } from '../model/spec.ts';

/** Decoded image pixels, row-major, interleaved channels (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA). */
export interface ImagePixels {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * How an image of any shape becomes the network's input.
 * - squash: resize to exactly width x height, ignoring aspect ratio;
 * - center-crop: the largest centred region of the target aspect ratio, resized to width x height;
 * - short-side: keep the aspect ratio, shorter side = the target's shorter side (for fully convolutional nets).
 */
export type ResizeMode = 'squash' | 'center-crop' | 'short-side';
export const RESIZE_MODES: readonly ResizeMode[] = ['squash', 'center-crop', 'short-side'];

export interface InputSize {
  width: number;
  height: number;
}

/** RGB float tensor [h, w, 3] in 0..255 from pixels of any channel layout. The caller disposes it. */
export function pixelsToRgb(pixels: ImagePixels): tf.Tensor3D {
  const { width, height, channels, data } = pixels;
  if (data.length !== width * height * channels) {
    throw new Error(`Pixel buffer holds ${data.length} values, expected ${width}x${height}x${channels}.`);
  }
  return tf.tidy(() => {
    const raw = tf.tensor3d(Float32Array.from(data), [height, width, channels], 'float32');
    const hasAlpha = channels === 2 || channels === 4;
    const colour = hasAlpha ? tf.slice(raw, [0, 0, 0], [height, width, channels - 1]) : raw;
    const rgb = colour.shape[2] === 1 ? tf.tile(colour, [1, 1, 3]) : colour;
    if (!hasAlpha) return rgb as tf.Tensor3D;
    // Transparent areas read as the white page the figure sits on.
    const alpha = tf.div(tf.slice(raw, [0, 0, channels - 1], [height, width, 1]), 255);
    return tf.add(tf.mul(rgb, alpha), tf.mul(tf.sub(1, alpha), 255)) as tf.Tensor3D;
  });
}

/** The crop box [top, left, height, width] and output size of a resize mode. */
export function resizeGeometry(
  source: InputSize,
  target: InputSize,
  mode: ResizeMode,
): { crop: [number, number, number, number]; out: InputSize } {
  const full: [number, number, number, number] = [0, 0, source.height, source.width];
  if (mode === 'squash') return { crop: full, out: target };
  if (mode === 'short-side') {
    const scale = Math.min(target.width, target.height) / Math.min(source.width, source.height);
    return {
      crop: full,
      out: {
        width: Math.max(1, Math.round(source.width * scale)),
        height: Math.max(1, Math.round(source.height * scale)),
      },
    };
  }
  const aspect = target.width / target.height;
  const width = Math.min(source.width, Math.round(source.height * aspect));
  const height = Math.min(source.height, Math.round(source.width / aspect));
  return {
    crop: [Math.floor((source.height - height) / 2), Math.floor((source.width - width) / 2), height, width],
    out: target,
  };
}

/**
 * Resize an RGB tensor. Downscaling by 2x or more first averages integer blocks (an area filter), so a
 * 4000-pixel photo does not alias into noise; then bilinear with half-pixel centres reaches the exact size.
 */
export function resizeRgb(rgb: tf.Tensor3D, target: InputSize, mode: ResizeMode): tf.Tensor3D {
  return tf.tidy(() => {
    const [h, w] = rgb.shape;
    const { crop, out } = resizeGeometry({ width: w, height: h }, target, mode);
    let x = tf.slice(rgb, [crop[0], crop[1], 0], [crop[2], crop[3], 3]) as tf.Tensor3D;
    const factor = Math.floor(Math.min(crop[2] / out.height, crop[3] / out.width));
    if (factor >= 2) x = tf.avgPool(x, factor, factor, 'valid');
    if (x.shape[0] === out.height && x.shape[1] === out.width) return x;
    return tf.image.resizeBilinear(x, [out.height, out.width], false, true);
  });
}

/** Scale, reorder and centre an RGB 0..255 tensor as the model expects; adds the batch axis. */
export function normalise(rgb: tf.Tensor3D, prep: Preprocessing): tf.Tensor4D {
  return tf.tidy(() => tf.expandDims(preprocessRgb(rgb, prep, 'byte'), 0) as tf.Tensor4D);
}

/**
 * Scale, reorder and centre an RGB tensor whose values are in `range` ('byte': 0..255, 'unit': 0..1) as
 * the model expects. Differentiable ops only: feature visualisation optimises images through it.
 */
export function preprocessRgb<T extends tf.Tensor>(rgb: T, prep: Preprocessing, range: Preprocessing['scale']): T {
  return tf.tidy(() => {
    let x: tf.Tensor = rgb;
    if (range === 'byte' && prep.scale === 'unit') x = tf.div(x, 255);
    if (range === 'unit' && prep.scale === 'byte') x = tf.mul(x, 255);
    if (prep.channelOrder === 'bgr') x = tf.reverse(x, -1);
    if (prep.mean.some((m) => m !== 0)) x = tf.sub(x, tf.tensor1d(prep.mean));
    return x as T;
  });
}

/** Pixels to the model's input tensor [1, h, w, 3]. The caller disposes it. */
export function toInputTensor(
  pixels: ImagePixels,
  prep: Preprocessing,
  target: InputSize,
  mode: ResizeMode,
): tf.Tensor4D {
  return tf.tidy(() => normalise(resizeRgb(pixelsToRgb(pixels), target, mode), prep));
}
