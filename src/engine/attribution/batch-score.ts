/**
 * The target's value for a batch of images, forward only (fused kernels, no gradient): what occlusion and
 * the deletion and insertion curves measure. A class target is measured as its probability (the softmax of
 * the class scores), as the lecture's occlusion experiment and the RISE protocol do; a channel as its mean
 * activation, a unit as its value.
 */
import * as tf from '@tensorflow/tfjs-core';
import { toModelInput } from '../dream/model-input.ts';
import type { Network } from '../model/network.ts';
import { scoreLayer, type AttributionTarget } from './target.ts';

/** What the value of a target means, for a figure's axis. */
export function measureName(target: AttributionTarget): string {
  return target.kind === 'class' ? 'probability' : target.kind === 'channel' ? 'mean activation' : 'activation';
}

/** Values for a [b, h, w, 3] RGB batch in [0, 1]. */
export async function batchScores(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
): Promise<Float32Array> {
  const values = tf.tidy(() => {
    const input = toModelInput(rgb, network.spec.preprocessing);
    const batch = rgb.shape[0];
    if (target.kind === 'class') {
      const scores = network.forward(input, [scoreLayer(network)])[0] as tf.Tensor2D;
      return tf.reshape(tf.slice(tf.softmax(scores), [0, target.index], [batch, 1]), [batch]);
    }
    const map = network.forward(input, [target.layer])[0]!;
    if (target.kind === 'channel') {
      const [, h, w] = map.shape as number[];
      return tf.mean(tf.slice(map, [0, 0, 0, target.index], [batch, h!, w!, 1]), [1, 2, 3]);
    }
    const [, h = 1, w = 1] = map.shape;
    const y = Math.min(h - 1, target.y);
    const x = Math.min(w - 1, target.x);
    return tf.reshape(tf.slice(map, [0, y, x, target.index], [batch, 1, 1, 1]), [batch]);
  });
  try {
    return await values.data<'float32'>();
  } finally {
    values.dispose();
  }
}

/** Values for many images given as flat [h, w, 3] arrays, `batch` at a time. */
export async function scoresOfImages(
  network: Network,
  target: AttributionTarget,
  images: Float32Array[],
  shape: [number, number],
): Promise<number[]> {
  if (!images.length) return [];
  const stacked = tf.tensor4d(concatenate(images), [images.length, shape[0], shape[1], 3]);
  try {
    return [...(await batchScores(network, target, stacked))];
  } finally {
    stacked.dispose();
  }
}

function concatenate(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
