/**
 * What a figure needs to redo one layer's operation by hand: a conv unit's non-linearity, the layer a
 * pool reads and its window, and the logits before the softmax (whether or not the model applies it).
 */
import type { ImagePixels, ResizeMode } from '../image/preprocess.ts';
import type { Network } from './network.ts';
import type { Activation, PoolStage } from './plan.ts';

/** The non-linearity a conv or dense layer's output has been through, and the name of its value before it. */
export function layerActivation(network: Network, layer: string): { activation: Activation; pre: string } {
  const point = network.tap(layer);
  const stage = network.plan.stages[point.stage]!;
  if ((stage.kind !== 'conv' && stage.kind !== 'dense') || point.when !== 'post')
    throw new Error(`Layer ${layer} of ${network.spec.id} is not the output of a conv or dense layer.`);
  return { activation: stage.activation, pre: `${stage.name}:pre` };
}

/** A max pool's window and stride, and the layer whose output it reads. */
export function poolInput(network: Network, pool: string): { stage: PoolStage; input: string } {
  const point = network.tap(pool);
  const stage = network.plan.stages[point.stage]!;
  if (stage.kind !== 'max-pool' || point.stage === 0)
    throw new Error(`Layer ${pool} of ${network.spec.id} is not a max pool after another layer.`);
  const before = network.plan.stages[point.stage - 1]!;
  return { stage, input: before.name };
}

/** The class scores before any softmax: the output of a logits model, else its last layer's value before the softmax. */
export async function logits(network: Network, pixels: ImagePixels, resize: ResizeMode): Promise<Float32Array> {
  if (network.spec.outputIsLogits) return network.predict(pixels, { resize });
  const last = network.plan.stages[network.plan.stages.length - 1]!;
  const [pre] = await network.activations(pixels, [`${last.name}:pre`], { resize });
  return pre!.data;
}
