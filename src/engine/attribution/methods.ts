/** Every attribution method behind one call, so figures, the sanity check and the benchmark share one path. */
import type * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/network.ts';
import { classActivationMap, gradCam } from './cam.ts';
import { gradientTimesInput, guidedBackprop, vanillaGradient, type GuidedSlope } from './gradients.ts';
import { integratedGradients, type Completeness, type IntegratedGradientsOptions } from './integrated-gradients.ts';
import type { AttributionMap } from './map.ts';
import { occlusion, type OcclusionOptions } from './occlusion.ts';
import type { AttributionRun } from './run.ts';
import { smoothGrad, type SmoothGradOptions } from './smooth-grad.ts';
import type { AttributionTarget } from './target.ts';

export type MethodSpec =
  | { method: 'gradient' }
  | { method: 'gradient-x-input' }
  | { method: 'guided-backprop'; slope?: GuidedSlope }
  | { method: 'grad-cam'; layer: string }
  | { method: 'cam' }
  | ({ method: 'smoothgrad' } & SmoothGradOptions)
  | ({ method: 'integrated-gradients' } & IntegratedGradientsOptions)
  | ({ method: 'occlusion' } & OcclusionOptions);

export type MethodName = MethodSpec['method'];

export const METHOD_NAMES: readonly MethodName[] = [
  'gradient',
  'gradient-x-input',
  'guided-backprop',
  'grad-cam',
  'cam',
  'smoothgrad',
  'integrated-gradients',
  'occlusion',
];

export interface Attribution {
  map: AttributionMap;
  /** Integrated Gradients: how far the attributions' sum is from F(x) - F(baseline). */
  completeness?: Completeness;
  /** Occlusion: the target's value for the unoccluded image. */
  original?: number;
}

/** One method's map for the target on a [1, h, w, 3] RGB image in [0, 1]. */
export async function attribute(
  network: Network,
  spec: MethodSpec,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
  run: AttributionRun = {},
): Promise<Attribution> {
  switch (spec.method) {
    case 'gradient':
      return { map: await vanillaGradient(network, target, rgb) };
    case 'gradient-x-input':
      return { map: await gradientTimesInput(network, target, rgb) };
    case 'guided-backprop':
      return { map: await guidedBackprop(network, target, rgb, spec.slope) };
    case 'grad-cam':
      return { map: (await gradCam(network, target, rgb, spec.layer)).map };
    case 'cam':
      if (target.kind !== 'class') throw new Error('CAM explains a class score; the target is a layer unit.');
      return { map: (await classActivationMap(network, target.index, rgb)).map };
    case 'smoothgrad':
      return { map: await smoothGrad(network, target, rgb, spec, run) };
    case 'integrated-gradients':
      return integratedGradients(network, target, rgb, spec, run);
    case 'occlusion': {
      const result = await occlusion(network, target, rgb, spec, run);
      return { map: result.map, original: result.original };
    }
  }
}
