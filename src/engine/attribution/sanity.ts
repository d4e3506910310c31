/**
 * The model-randomisation sanity check (Adebayo et al. 2018, "Sanity checks for saliency maps"): replace
 * the weights layer by layer from the top down and recompute the map each time. A map that explains the
 * network should change as the network is destroyed; one that survives (a high rank correlation with the
 * original) is showing the image's edges, not what the network uses.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32, normalArray } from '../dream/random.ts';
import type { Network } from '../model/network.ts';
import { isWeighted } from '../model/plan.ts';
import type { StageWeights } from '../model/weights.ts';
import type { AttributionMap } from './map.ts';
import { spearman } from './rank.ts';
import { checkpoint, type AttributionRun } from './run.ts';

/** One step of the cascade: every weighted stage from the top down to `layer` randomised. */
export interface CascadeStep {
  /** "original", or the deepest layer randomised so far. */
  layer: string;
  /** How many weighted layers are randomised (0: the original network). */
  randomised: number;
  map: AttributionMap;
  /** Spearman's rho of the map's magnitudes with the original's (null where either map is constant). */
  rho: number | null;
}

/** Weighted stages from the output down, as [stage index, name]. */
export function layersFromTop(network: Network): [number, string][] {
  return network.plan.stages
    .map((stage, index) => [index, stage] as const)
    .filter(([index, stage]) => isWeighted(stage) && index <= network.lastStage)
    .reverse()
    .map(([index, stage]) => [index, stage.name]);
}

/**
 * New weights for a stage: kernel and bias drawn from Gaussians with the original's mean and standard
 * deviation (seeded), so activations keep their scale while every learned pattern is gone.
 */
export async function randomWeights(original: StageWeights, seed: number): Promise<StageWeights> {
  const random = mulberry32(seed);
  const draw = async (t: tf.Tensor) => {
    const values = await t.data<'float32'>();
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    return tf.tensor(
      normalArray(random, values.length, sd).map((v) => v + mean),
      t.shape,
    );
  };
  const kernel = await draw(original.kernel);
  const bias = (await draw(original.bias)) as tf.Tensor1D;
  const flipped = original.flipped
    ? tf.tidy(() => tf.transpose(tf.reverse(kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D)
    : undefined;
  return { kernel, bias, ...(flipped ? { flipped } : {}) };
}

/**
 * The map of the original network, then with the top 1, 2, ... `depth` weighted layers randomised
 * (cumulative, as the paper's cascade). `mapOf` computes one method's map on a network.
 */
export async function sanityCascade(
  network: Network,
  mapOf: (network: Network) => Promise<AttributionMap>,
  options: { depth: number; seed?: number },
  run: AttributionRun & { onStep?: (step: CascadeStep) => void | Promise<void> } = {},
): Promise<CascadeStep[]> {
  const original = await mapOf(network);
  const magnitudes = (m: AttributionMap) => Float32Array.from(m.values, Math.abs);
  const reference = magnitudes(original);
  const steps: CascadeStep[] = [{ layer: 'original', randomised: 0, map: original, rho: 1 }];
  await run.onStep?.(steps[0]!);
  const replaced = new Map<number, StageWeights>();
  try {
    for (const [k, [stage, name]] of layersFromTop(network).slice(0, options.depth).entries()) {
      await checkpoint(run);
      replaced.set(stage, await randomWeights(network.stageWeights(stage)!, (options.seed ?? 0) * 1000 + k));
      const map = await mapOf(network.withStageWeights(replaced));
      const step = { layer: name, randomised: k + 1, map, rho: spearman(reference, magnitudes(map)) };
      steps.push(step);
      await run.onStep?.(step);
    }
  } finally {
    for (const w of replaced.values()) tf.dispose([w.kernel, w.bias, ...(w.flipped ? [w.flipped] : [])]);
  }
  return steps;
}

/** The network with its top `count` weighted layers randomised (all of them: `Infinity`); dispose when done. */
export async function randomisedNetwork(
  network: Network,
  count: number,
  seed = 0,
): Promise<{ network: Network; dispose: () => void }> {
  const replaced = new Map<number, StageWeights>();
  for (const [k, [stage]] of layersFromTop(network).slice(0, count).entries())
    replaced.set(stage, await randomWeights(network.stageWeights(stage)!, seed * 1000 + k));
  return {
    network: network.withStageWeights(replaced),
    dispose: () => {
      for (const w of replaced.values()) tf.dispose([w.kernel, w.bias, ...(w.flipped ? [w.flipped] : [])]);
    },
  };
}
