/**
 * load(): the engine's factory. Reads model.json, plans the stages, and loads only the weight groups of
 * the stages up to the deepest layer asked for, so a partly fetched model (VGG19 blocks 1-3) still serves
 * every layer it has the weights for.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MissingWeightsError, UnknownLayerError } from '../errors.ts';
import { readJson, readText, type PackSource } from '../source.ts';
import type { ModelSpec } from './spec.ts';
import { readKerasLayers, type KerasModelJson } from './keras-topology.ts';
import { Network } from './network.ts';
import { isWeighted, planStages, type Plan } from './plan.ts';
import { foldStage, groupsFor, readGroups, weightLayerNames, type StageWeights } from './weights.ts';

export interface LoadOptions {
  /** Layers that will be asked for; weights past the deepest one are not read. Default: the whole model. */
  upTo?: string[];
}

export async function load(spec: ModelSpec, source: PackSource, options: LoadOptions = {}): Promise<Network> {
  if (spec.format !== 'keras-layers') throw new Error(`Model ${spec.id}: format ${spec.format} is not a layers model.`);
  const modelJson = await readJson<KerasModelJson>(source, 'model.json');
  if (!modelJson) {
    throw new MissingWeightsError(spec.id, ['model.json'], [], source.location);
  }
  const plan = planStages(readKerasLayers(modelJson));
  const lastStage = deepestStage(spec, plan, options.upTo);
  const stages = plan.stages.slice(0, lastStage + 1);
  const tensors = await readGroups(spec.id, groupsFor(modelJson.weightsManifest, weightLayerNames(stages)), source);
  const weights = new Map<number, StageWeights>();
  try {
    stages.forEach((stage, index) => {
      if (isWeighted(stage)) weights.set(index, foldStage(stage, tensors));
    });
  } finally {
    tf.dispose(Object.values(tensors));
  }
  return new Network(spec, plan, weights, lastStage, await loadLabels(spec, source));
}

/** The deepest stage asked for, extended over the weight-free stages (pools) that follow it. */
function deepestStage(spec: ModelSpec, plan: Plan, upTo: string[] | undefined): number {
  if (!upTo?.length) return plan.stages.length - 1;
  let last = Math.max(
    ...upTo.map((layer) => {
      const tap = plan.taps.get(layer);
      if (!tap) throw new UnknownLayerError(spec.id, layer, [...plan.taps.keys()]);
      return tap.stage;
    }),
  );
  while (last + 1 < plan.stages.length && !isWeighted(plan.stages[last + 1]!)) last++;
  return last;
}

async function loadLabels(spec: ModelSpec, source: PackSource): Promise<string[]> {
  if (!spec.labels) return [];
  if ('names' in spec.labels) return spec.labels.names;
  const text = await readText(source, spec.labels.file);
  if (text === null)
    throw new Error(`Model ${spec.id}: label file ${spec.labels.file} is missing from ${source.location}.`);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
