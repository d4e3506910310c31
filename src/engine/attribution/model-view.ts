/** The image as the model sees it (after the figure's resize mode), as RGB in [0, 1]: what maps are drawn over. */
import * as tf from '@tensorflow/tfjs-core';
import { pixelsToRgb, resizeRgb, type ImagePixels, type ResizeMode } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';

/** [1, h, w, 3] in [0, 1] at the model's input size. The caller disposes it. */
export function modelView(network: Network, pixels: ImagePixels, resize: ResizeMode): tf.Tensor4D {
  const size = { width: network.spec.input.width, height: network.spec.input.height };
  return tf.tidy(() => tf.expandDims(tf.div(resizeRgb(pixelsToRgb(pixels), size, resize), 255), 0) as tf.Tensor4D);
}
