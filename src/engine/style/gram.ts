/**
 * Gram matrices: the channel-by-channel correlations of a feature map, averaged over positions. Gatys et
 * al. take them as a layer's "style": they keep which features occur together and drop where they occur.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ImagePixels } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';

/**
 * [1, h, w, c] to [c, c] = F^T F / (h w), with F the map as an (h w) x c matrix. A matMul (tfjs has no
 * einsum gradient) with a custom gradient: dL/dF = F (dG + dG^T) / (h w) is one plain product, where
 * tfjs's generic matMul gradient takes two, each with a transposed operand.
 */
export function gramMatrix(features: tf.Tensor4D): tf.Tensor2D {
  const [, h = 0, w = 0, c = 0] = features.shape;
  const positions = h * w;
  const gram = tf.customGrad(((x: tf.Tensor4D, save: tf.GradSaveFunc) => {
    const flat = tf.reshape(x, [positions, c]) as tf.Tensor2D;
    save([flat]);
    // An explicit transpose: wasm's matMul with a transposed operand skips XNNPACK (measured 7x slower
    // for 16384 x 64 than transpose + plain matMul).
    const value = tf.div(tf.matMul(tf.transpose(flat), flat), positions) as tf.Tensor2D;
    const gradFunc = (dy: tf.Tensor2D, [saved]: tf.Tensor[]) => {
      const symmetric = tf.div(tf.add(dy, tf.transpose(dy)), positions);
      return tf.reshape(tf.matMul(saved as tf.Tensor2D, symmetric), [1, h, w, c]);
    };
    return { value, gradFunc };
  }) as unknown as CustomGradient);
  return gram(features) as tf.Tensor2D;
}

type CustomGradient = Parameters<typeof tf.customGrad>[0];

/**
 * The top-left n x n block of a layer's Gram matrix for these pixels, each image first center-cropped and
 * resized to size x size (so a photo and a painting compare on equal terms). Row-major values.
 */
export async function gramBlock(
  network: Network,
  pixels: ImagePixels,
  options: { layer: string; size: number; channels: number },
): Promise<Float32Array> {
  const n = options.channels;
  const block = tf.tidy(() => {
    const input = network.preprocess(pixels, {
      size: { width: options.size, height: options.size },
      resize: 'center-crop',
    });
    const [features] = network.forward(input, [options.layer]);
    return tf.slice(gramMatrix(features as tf.Tensor4D), [0, 0], [n, n]);
  });
  try {
    return await block.data<'float32'>();
  } finally {
    block.dispose();
  }
}
