/**
 * What an attribution explains: a class score before the softmax, or a channel or single unit of a layer.
 * The score is computed from an RGB image in [0, 1] ("the image as the model saw it"), so every method
 * attributes to the same pixels whatever the model's own preprocessing (VGG19's BGR bytes minus the mean).
 */
import * as tf from '@tensorflow/tfjs-core';
import { channel, classLogit, logitsLayer, neuron, type Objective } from '../dream/objectives.ts';
import { toModelInput } from '../dream/model-input.ts';
import type { ForwardOptions } from '../model/forward.ts';
import type { Network } from '../model/network.ts';

export type AttributionTarget =
  | { kind: 'class'; index: number }
  | { kind: 'channel'; layer: string; index: number }
  | { kind: 'unit'; layer: string; index: number; x: number; y: number };

/** Where the class scores before the softmax are: the output (logits) or the last stage's pre-activation. */
export function scoreLayer(network: Network): string {
  if (network.spec.outputIsLogits) return logitsLayer(network);
  const last = network.plan.stages.length - 1;
  const stage = network.plan.stages[last]!;
  // Tiny VGG's softmax sits inside its dense layer: the plan names the value before it "<layer>:pre".
  const pre = `${stage.name}:pre`;
  if (network.plan.taps.has(pre) && network.lastStage === last) return pre;
  throw new Error(`Model ${network.spec.id} has no class scores before a softmax (or was not loaded whole).`);
}

/** The target as a scalar objective over the layers a forward pass returns. */
export function targetObjective(network: Network, target: AttributionTarget): Objective {
  switch (target.kind) {
    case 'class':
      return classLogit(scoreLayer(network), target.index);
    case 'channel':
      return channel(target.layer, target.index);
    case 'unit':
      return neuron(target.layer, target.index, { x: target.x, y: target.y });
  }
}

/** The target's score for a [1, h, w, 3] RGB image in [0, 1], through plain differentiable ops. */
export function targetScore(
  network: Network,
  objective: Objective,
  rgb: tf.Tensor4D,
  options: Pick<ForwardOptions, 'guided'> = {},
): tf.Scalar {
  return tf.tidy(() => {
    const input = toModelInput(rgb, network.spec.preprocessing);
    const outputs = network.forward(input, [...objective.layers], { differentiable: true, ...options });
    return objective.value(new Map(objective.layers.map((layer, i) => [layer, outputs[i]!])));
  });
}

/** The gradient of the target's score with respect to the RGB image: [1, h, w, 3]. The caller disposes it. */
export function inputGradient(
  network: Network,
  objective: Objective,
  rgb: tf.Tensor4D,
  options: Pick<ForwardOptions, 'guided'> = {},
): tf.Tensor4D {
  return tf.tidy(
    () => tf.grad((x: tf.Tensor) => targetScore(network, objective, x as tf.Tensor4D, options))(rgb) as tf.Tensor4D,
  );
}

/** The target's score as a number. */
export async function scoreOf(network: Network, objective: Objective, rgb: tf.Tensor4D): Promise<number> {
  const score = targetScore(network, objective, rgb);
  try {
    return (await score.data())[0]!;
  } finally {
    score.dispose();
  }
}
