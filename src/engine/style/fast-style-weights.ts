/**
 * Weights of a fast (feed-forward) style transfer network, read from a deeplearn.js checkpoint: manifest.json
 * maps Variable, Variable_1 ... Variable_47 to a raw little-endian float32 file and its shape. Every file is
 * checked against the architecture before any tensor is made, so a truncated download fails by name.
 */
import * as tf from '@tensorflow/tfjs-core';
import { CorruptWeightsError, MissingWeightsError } from '../errors.ts';
import { readJson, type PackSource } from '../source.ts';
import type { ModelSpec } from '../model/spec.ts';

/** One layer's variables: the filter, then the instance-norm shift and scale (one value per channel). */
export interface StyleLayer {
  filter: tf.Tensor4D;
  shift: tf.Tensor1D;
  scale: tf.Tensor1D;
}

type Manifest = Record<string, { filename: string; shape: number[] } | undefined>;
type Shape4 = [number, number, number, number];

/**
 * The checkpoint's layers in file order (Johnson et al. 2016 as trained by fast-style-transfer): three
 * convs, ten residual convs, two transposed convs (their filters are [h, w, out, in]), the output conv.
 * `channels` is the layer's output depth: the length of its shift and scale.
 */
export const STYLE_LAYERS: readonly { filter: Shape4; channels: number }[] = [
  { filter: [9, 9, 3, 32], channels: 32 },
  { filter: [3, 3, 32, 64], channels: 64 },
  { filter: [3, 3, 64, 128], channels: 128 },
  ...Array.from({ length: 10 }, () => ({ filter: [3, 3, 128, 128] as Shape4, channels: 128 })),
  { filter: [3, 3, 64, 128], channels: 64 },
  { filter: [3, 3, 32, 64], channels: 32 },
  { filter: [9, 9, 32, 3], channels: 3 },
];

/** The checkpoint's name for variable number `index` (the first has no suffix). */
export function variableName(index: number): string {
  return index === 0 ? 'Variable' : `Variable_${index}`;
}

/**
 * Reads and checks every variable, then makes the tensors. Within a layer's triple the order is filter,
 * shift, scale, as ml5's StyleTransfer reads it; the unit test shows that the swapped order washes out.
 */
export async function readStyleLayers(spec: ModelSpec, source: PackSource): Promise<StyleLayer[]> {
  const manifest = await readJson<Manifest>(source, 'manifest.json');
  if (!manifest) throw missing(spec, 'manifest.json', source);
  const shapes = STYLE_LAYERS.flatMap(({ filter, channels }) => [filter, [channels], [channels]]);
  const arrays = await Promise.all(shapes.map((shape, index) => readVariable(spec, source, manifest, index, shape)));
  return tf.tidy(() =>
    STYLE_LAYERS.map(({ filter }, layer) => ({
      filter: tf.tensor4d(arrays[3 * layer]!, filter),
      shift: tf.tensor1d(arrays[3 * layer + 1]!),
      scale: tf.tensor1d(arrays[3 * layer + 2]!),
    })),
  );
}

async function readVariable(
  spec: ModelSpec,
  source: PackSource,
  manifest: Manifest,
  index: number,
  shape: number[],
): Promise<Float32Array> {
  const name = variableName(index);
  const entry = manifest[name];
  if (!entry) throw corrupt(spec, `manifest.json has no entry for ${name}`, source);
  if (entry.shape.join('x') !== shape.join('x')) {
    throw corrupt(
      spec,
      `${name} has shape [${entry.shape.join(', ')}] in manifest.json, expected [${shape.join(', ')}]`,
      source,
    );
  }
  const bytes = await source.readBytes(entry.filename);
  if (!bytes) throw missing(spec, entry.filename, source);
  const expected = 4 * shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== expected) {
    const problem = `${bytes.byteLength} bytes, expected ${expected} for float32 [${shape.join(', ')}]`;
    throw corrupt(spec, problem, source, entry.filename);
  }
  return littleEndianFloats(bytes);
}

/** Float32 values of little-endian bytes; a DataView is right on any platform and at any byte offset. */
function littleEndianFloats(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(4 * i, true);
  return values;
}

function missing(spec: ModelSpec, file: string, source: PackSource): Error {
  return new MissingWeightsError(spec.id, [file], [], source.location);
}

function corrupt(spec: ModelSpec, problem: string, source: PackSource, file = 'manifest.json'): Error {
  return new CorruptWeightsError(spec.id, file, problem, source.location);
}
