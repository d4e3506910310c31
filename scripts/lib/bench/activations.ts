/**
 * Benchmark: every conv layer's activations of Tiny Darknet for one image, against one plain predict, and
 * against the per-layer loop of most tutorials (one tf.model per layer, one predict each).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../../src/engine/index.ts';
import { initNodeBackend, loadModel } from '../../../src/node/engine.ts';
import { storeSource } from '../../../src/node/fs-source.ts';
import { decodeImageFile } from '../../../src/node/image.ts';
import { loadLayersModel, perLayerModels } from '../../../src/node/layers-reference.ts';
import { round, time } from './timing.ts';

export interface ActivationsBench {
  backend: BackendName;
  model: string;
  image: string;
  convLayers: number;
  /** Our engine: the final output only. */
  predictMs: number;
  /** Our engine: all conv layers' activations from one pass, downloaded to JS. */
  allLayersMs: number;
  /** tfjs-layers: one tf.model per conv layer, one predict (and download) each. */
  perLayerLoopMs: number;
  /** tfjs-layers: one plain model.predict, for reference. */
  layersPredictMs: number;
  allLayersOverPredict: number;
  perLayerLoopOverAllLayers: number;
}

export async function benchActivations(backend: BackendName, imageFile: string): Promise<ActivationsBench> {
  await initNodeBackend(backend);
  const network = await loadModel('tiny-darknet');
  const layers = network.availableLayers.filter((name) => /^conv2d_\d+$/.test(name));
  const pixels = await decodeImageFile(imageFile);
  const input = network.preprocess(pixels);
  const reference = await loadLayersModel(storeSource('tiny-darknet'));
  const loopModels = perLayerModels(reference, layers);
  try {
    const predict = await time(() => network.predict(input), { runs: 15 });
    const allLayers = await time(() => network.activations(input, layers), { runs: 15 });
    const layersPredict = await time(() => download(reference.predict(input) as tf.Tensor), { runs: 15 });
    const loop = await time(
      async () => {
        for (const model of loopModels) await download(model.predict(input) as tf.Tensor);
      },
      { warmup: 1, runs: 5 },
    );
    return {
      backend,
      model: 'tiny-darknet',
      image: imageFile.split('/').pop()!,
      convLayers: layers.length,
      predictMs: round(predict.ms),
      allLayersMs: round(allLayers.ms),
      perLayerLoopMs: round(loop.ms),
      layersPredictMs: round(layersPredict.ms),
      allLayersOverPredict: round(allLayers.ms / predict.ms, 3),
      perLayerLoopOverAllLayers: round(loop.ms / allLayers.ms, 3),
    };
  } finally {
    input.dispose();
    network.dispose();
    reference.dispose();
  }
}

async function download(tensor: tf.Tensor): Promise<void> {
  await tensor.data();
  tensor.dispose();
}
