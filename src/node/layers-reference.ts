/**
 * The same model loaded through tfjs-layers, as most tutorials do. Used as an independent reference in
 * tests (the engine must agree with it) and as the baseline in the benchmark.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { type FolderSource } from './fs-source.ts';

export async function loadLayersModel(source: FolderSource): Promise<tfl.LayersModel> {
  const text = await source.readBytes('model.json');
  if (!text) throw new Error(`model.json is missing from ${source.location}`);
  const json = JSON.parse(new TextDecoder().decode(text)) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const buffers: Uint8Array[] = [];
  for (const group of json.weightsManifest) {
    for (const p of group.paths) buffers.push((await source.readBytes(p))!);
  }
  const weightData = tf.io.CompositeArrayBuffer.join(buffers.map((b) => b.slice().buffer));
  return tfl.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData,
    }),
  );
}

/** One tf.model per layer, each ending at that layer: the per-layer loop of many tutorials. */
export function perLayerModels(model: tfl.LayersModel, layers: string[]): tfl.LayersModel[] {
  return layers.map((name) =>
    tfl.model({ inputs: model.inputs, outputs: model.getLayer(name).output as tfl.SymbolicTensor }),
  );
}
