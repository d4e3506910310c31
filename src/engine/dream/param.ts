/**
 * Image parameterisations: how a trainable tensor becomes the RGB image the network sees.
 * - fourierImage: Lucid's recipe. Coefficients in a scaled Fourier basis (1/f), colours decorrelated
 *   with the ImageNet colour covariance's square root, squashed into [0, 1] by a sigmoid.
 * - pixelImage: the naive baseline. One parameter per pixel and channel, through the same sigmoid.
 */
import * as tf from '@tensorflow/tfjs-core';
import { disposeBasis, fourierBasis, irfft2d, spectrumScale, type FourierBasis } from './fourier.ts';
import { normalArray, type Random } from './random.ts';

export interface ImageParam {
  readonly width: number;
  readonly height: number;
  /** A fresh trainable tensor drawn from `random`; the caller owns it. */
  init(random: Random): tf.Tensor;
  /** The image [1, h, w, 3] in [0, 1]; differentiable with respect to `params`. */
  render(params: tf.Tensor): tf.Tensor4D;
  /** Frees constants (bases, scales). */
  dispose(): void;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** Square root of ImageNet's colour covariance (Lucid), so each parameter channel is decorrelated colour. */
export const COLOR_CORRELATION_SQRT = [
  [0.26, 0.09, 0.02],
  [0.27, 0.0, -0.05],
  [0.27, -0.09, 0.03],
] as const;

/** M^T, with M the matrix divided by its largest column norm: pixels are rows, so rgb = t @ M^T (as Lucid). */
export function decorrelationMatrix(): number[][] {
  const m = COLOR_CORRELATION_SQRT;
  const maxNorm = Math.max(...[0, 1, 2].map((j) => Math.hypot(m[0][j]!, m[1][j]!, m[2][j]!)));
  return [0, 1, 2].map((j) => [0, 1, 2].map((i) => m[i]![j]! / maxNorm));
}

export interface FourierOptions {
  /** Standard deviation of the initial coefficients (Lucid: 0.01). */
  sd?: number;
  /** Exponent of the 1/f scale (Lucid: 1). */
  decayPower?: number;
  /** Decorrelate colour (Lucid: true). */
  decorrelate?: boolean;
}

export function fourierImage(size: ImageSize, options: FourierOptions = {}): ImageParam {
  const { width: w, height: h } = size;
  const sd = options.sd ?? 0.01;
  const basis: FourierBasis = fourierBasis(h, w);
  const fw = basis.freqWidth;
  // Lucid multiplies by sqrt(w h) (a unitary transform) and divides the image by 4; irfft2d divides by w h.
  const scale = scaleTensor(spectrumScale(h, w, options.decayPower ?? 1), h, fw, Math.sqrt(w * h) / 4);
  const colour = options.decorrelate === false ? null : tf.tensor2d(decorrelationMatrix());
  return {
    width: w,
    height: h,
    init: (random) => tf.tensor2d(normalArray(random, 3 * h * 2 * fw, sd), [3 * h, 2 * fw]),
    render: (params) =>
      tf.tidy(() => {
        const image = irfft2d(tf.mul(params, scale) as tf.Tensor2D, basis, 3);
        return toValidRgb(image, colour);
      }),
    dispose: () => {
      disposeBasis(basis);
      tf.dispose([scale, ...(colour ? [colour] : [])]);
    },
  };
}

export function pixelImage(size: ImageSize, options: { sd?: number } = {}): ImageParam {
  const { width: w, height: h } = size;
  const sd = options.sd ?? 0.01;
  return {
    width: w,
    height: h,
    init: (random) => tf.tensor3d(normalArray(random, h * w * 3, sd), [h, w, 3]),
    render: (params) => tf.tidy(() => toValidRgb(params as tf.Tensor3D, null)),
    dispose: () => {},
  };
}

/** The per-coefficient scale tiled over the three channels and the real / imaginary halves: [3h, 2fw]. */
function scaleTensor(scale: Float32Array, h: number, fw: number, factor: number): tf.Tensor2D {
  return tf.tidy(() => {
    const grid = tf.mul(tf.tensor2d(scale, [h, fw]), factor);
    return tf.tile(grid, [3, 2]) as tf.Tensor2D;
  });
}

/** [h, w, 3] unconstrained to [1, h, w, 3] in [0, 1]: optional colour decorrelation, then a sigmoid. */
function toValidRgb(image: tf.Tensor3D, colour: tf.Tensor2D | null): tf.Tensor4D {
  const [h, w] = image.shape;
  const mixed = colour ? tf.reshape(tf.matMul(tf.reshape(image, [h * w, 3]), colour), [h, w, 3]) : image;
  return tf.expandDims(tf.sigmoid(mixed), 0) as tf.Tensor4D;
}
