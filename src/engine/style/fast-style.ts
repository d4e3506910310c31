/**
 * Fast (feed-forward) style transfer: one pass of a network trained for one painting (Johnson et al. 2016,
 * checkpoints of the fast-style-transfer project, the ones ml5's styleTransfer runs). The layer maths follow
 * ml5 0.12.2's StyleTransfer so that the same checkpoint gives the same picture: 'same' padding, instance
 * norm over each channel's positions with epsilon 1e-3 (scale * normalised + shift), output
 * tanh(x) * 150 + 255/2 clipped to 0..255.
 */
import * as tf from '@tensorflow/tfjs-core';
import { fitSize } from '../image/fit.ts';
import { pixelsToRgb, resizeRgb, type ImagePixels } from '../image/preprocess.ts';
import type { PackSource } from '../source.ts';
import type { RgbaImage } from '../visual/atlas.ts';
import type { ModelSpec } from '../model/spec.ts';
import { sameConv } from './conv-bands.ts';
import { readStyleLayers, type StyleLayer } from './fast-style-weights.ts';

/** ml5's (and fast-style-transfer's) instance-norm epsilon. */
const EPSILON = 1e-3;

/**
 * The largest photo stylize() runs, in pixels (1024 x 1024). Peak tensor memory is 704 bytes per pixel
 * above the 7 MB of weights (tf.profile's peakBytes on wasm and cpu, the same at 128, 256 and 512 px: the
 * full-size 32-channel activations of the first and last layers with instance norm's temporaries), so this
 * is about 0.75 GB: what a browser tab's WebGL or WASM heap holds on an ordinary laptop. WebGL's im2col
 * copies come on top, capped at 128 MB by running the large convs in bands (conv-bands.ts).
 */
export const FAST_STYLE_MAX_PIXELS = 1024 * 1024;

export interface StylizeOptions {
  /** Longest side of the stylised image; a larger photo is scaled down, keeping its aspect ratio. Default: the photo's size. */
  maxSide?: number;
}

/** Loads a fast-style checkpoint pack ("deeplearn-checkpoint" format) into a ready network. */
export async function loadFastStyle(spec: ModelSpec, source: PackSource): Promise<FastStyleNetwork> {
  if (spec.format !== 'deeplearn-checkpoint')
    throw new Error(`Model ${spec.id}: format ${spec.format} is not a fast-style checkpoint.`);
  return new FastStyleNetwork(spec, await readStyleLayers(spec, source));
}

export class FastStyleNetwork {
  /** Takes ownership of the layers' tensors (dispose() frees them). */
  constructor(
    readonly spec: ModelSpec,
    private readonly layers: readonly StyleLayer[],
  ) {}

  /**
   * [h, w, 3] RGB 0..255 to the stylised [h, w, 3], float 0..255. The caller keeps and disposes `rgb`.
   * Each layer's input is freed as soon as the layer has run, so memory peaks at one layer, not the sum.
   */
  stylizeTensor(rgb: tf.Tensor3D): tf.Tensor3D {
    const [height, width] = rgb.shape;
    let x = this.conv(rgb, 0, 1, true);
    x = consume(x, (t) => this.conv(t, 1, 2, true));
    x = consume(x, (t) => this.conv(t, 2, 2, true));
    for (let block = 0; block < 5; block++) x = consume(x, (t) => this.residual(t, 3 + 2 * block));
    x = consume(x, (t) => this.convTranspose(t, 13));
    x = consume(x, (t) => this.convTranspose(t, 14));
    return consume(x, (t) =>
      tf.tidy(() => {
        const y = tf.add(tf.mul(tf.tanh(this.conv(t, 15, 1, false)), 150), 255 / 2);
        return tf.clipByValue(cropToInput(y as tf.Tensor3D, height, width), 0, 255);
      }),
    );
  }

  /** Stylises a photo (fitted into maxSide first) into RGBA bytes. Refuses one beyond FAST_STYLE_MAX_PIXELS. */
  async stylize(pixels: ImagePixels, options: StylizeOptions = {}): Promise<RgbaImage> {
    if (options.maxSide !== undefined && !(options.maxSide >= 1))
      throw new Error(`maxSide must be at least 1, not ${options.maxSide}.`);
    const size = fitSize(pixels.width, pixels.height, options.maxSide ?? Infinity);
    if (size.width * size.height > FAST_STYLE_MAX_PIXELS) {
      throw new Error(
        `A ${size.width}x${size.height} photo (${size.width * size.height} pixels) is beyond the fast style transfer limit of ` +
          `${FAST_STYLE_MAX_PIXELS} pixels (1024x1024); pass a smaller maxSide to scale it down.`,
      );
    }
    const bytes = tf.tidy(() => {
      const rgb = pixelsToRgb(pixels);
      const input = size.width === pixels.width && size.height === pixels.height ? rgb : resizeRgb(rgb, size, 'squash');
      return tf.cast(tf.round(this.stylizeTensor(input)), 'int32');
    });
    const rgb = await bytes.data();
    bytes.dispose();
    return { width: size.width, height: size.height, rgba: toRgba(rgb) };
  }

  /** The float output (0..255, RGB interleaved) for the photo at its own size: for comparisons with other implementations. */
  async stylizeFloat(pixels: ImagePixels): Promise<Float32Array> {
    const out = tf.tidy(() => this.stylizeTensor(pixelsToRgb(pixels)));
    try {
      return await out.data<'float32'>();
    } finally {
      out.dispose();
    }
  }

  dispose(): void {
    for (const layer of this.layers) tf.dispose([layer.filter, layer.shift, layer.scale]);
  }

  /** Conv ('same' padding; in bands on WebGL), instance norm, optional ReLU. */
  private conv(x: tf.Tensor3D, layer: number, stride: number, relu: boolean): tf.Tensor3D {
    const weights = this.layers[layer]!;
    const y = sameConv(x, weights.filter, stride);
    return consume(y, (t) => instanceNorm(t, weights, relu));
  }

  /** Two 3x3 convs (ReLU after the first only) and the block's input added back. */
  private residual(x: tf.Tensor3D, layer: number): tf.Tensor3D {
    return tf.tidy(() => tf.add(this.conv(this.conv(x, layer, 1, true), layer + 1, 1, false), x));
  }

  /** Stride-2 transposed conv to exactly twice the size ('same', as ml5), instance norm, ReLU. */
  private convTranspose(x: tf.Tensor3D, layer: number): tf.Tensor3D {
    const weights = this.layers[layer]!;
    const [height, width] = x.shape;
    const channels = weights.filter.shape[2];
    const y = tf.conv2dTranspose(x, weights.filter, [2 * height, 2 * width, channels], 2, 'same');
    return consume(y, (t) => instanceNorm(t, weights, true));
  }
}

/** Runs `step` on x, then frees x: keeps only the newest activation alive between layers. */
function consume<T extends tf.Tensor>(x: T, step: (x: T) => T): T {
  try {
    return step(x);
  } finally {
    x.dispose();
  }
}

/** scale * (x - mean) / sqrt(variance + epsilon) + shift, per channel over all positions; the statistics are freed first. */
function instanceNorm(x: tf.Tensor3D, layer: StyleLayer, relu: boolean): tf.Tensor3D {
  const [mean, factor] = tf.tidy(() => {
    const moments = tf.moments(x, [0, 1]);
    return [moments.mean, tf.div(layer.scale, tf.sqrt(tf.add(moments.variance, EPSILON)))];
  });
  try {
    return tf.tidy(() => {
      const y = tf.add(tf.mul(tf.sub(x, mean), factor), layer.shift) as tf.Tensor3D;
      return relu ? tf.relu(y) : y;
    });
  } finally {
    tf.dispose([mean, factor]);
  }
}

/**
 * The two stride-2 steps round the size up to a multiple of 4 (ml5 returns that larger image). 'same'
 * padding puts the extra rows at the top of the strided convs but the transposed convs place their output
 * one step further down, so the input's pixel (0, 0) lands at (extra, extra): keep the bottom-right h x w.
 */
function cropToInput(y: tf.Tensor3D, height: number, width: number): tf.Tensor3D {
  const [h, w] = y.shape;
  if (h === height && w === width) return y;
  return tf.slice(y, [h - height, w - width, 0], [height, width, 3]);
}

/** Interleaved RGB bytes to opaque RGBA. */
function toRgba(rgb: ArrayLike<number>): Uint8ClampedArray {
  const count = rgb.length / 3;
  const rgba = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    rgba[4 * i] = rgb[3 * i]!;
    rgba[4 * i + 1] = rgb[3 * i + 1]!;
    rgba[4 * i + 2] = rgb[3 * i + 2]!;
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}
