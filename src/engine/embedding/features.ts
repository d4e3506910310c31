/**
 * An image's feature vector at a layer: a conv layer's map averaged over positions (one number per
 * channel), or a vector layer (the logits) as it is. For conv layers the same pass also gives each
 * channel's peak: its largest value and where it is, which ranks images for a unit's top patches.
 */
import type { InputOptions, LayerActivation, Network, NetworkInput } from '../model/network.ts';

export interface ChannelPeaks {
  /** The layer's grid, [height, width]. */
  grid: [number, number];
  /** Per channel, the largest value over positions. */
  values: Float32Array;
  /** Per channel, where it is: y * width + x (the first such position). */
  positions: Uint32Array;
}

export interface LayerFeatures {
  layer: string;
  /** The feature vector (channel means for a conv layer). */
  vector: Float32Array;
  /** Channel peaks (conv layers only). */
  peaks?: ChannelPeaks;
}

/** Each layer's features from one forward pass. */
export async function layerFeatures(
  network: Network,
  input: NetworkInput,
  layers: string[],
  options: InputOptions = {},
): Promise<LayerFeatures[]> {
  const activations = await network.activations(input, layers, options);
  return activations.map(featuresOf);
}

/** Pools one activation: [h, w, c] maps to channel means and peaks; vectors pass through. */
export function featuresOf(activation: LayerActivation): LayerFeatures {
  const { layer, shape, data } = activation;
  if (shape.length !== 3) return { layer, vector: data };
  const [height, width, channels] = shape as [number, number, number];
  const sums = new Float64Array(channels);
  const values = new Float32Array(channels).fill(-Infinity);
  const positions = new Uint32Array(channels);
  for (let p = 0; p < height * width; p++) {
    for (let c = 0; c < channels; c++) {
      const v = data[p * channels + c]!;
      sums[c] = sums[c]! + v;
      if (v > values[c]!) {
        values[c] = v;
        positions[c] = p;
      }
    }
  }
  const vector = Float32Array.from(sums, (s) => s / (height * width));
  return { layer, vector, peaks: { grid: [height, width], values, positions } };
}
