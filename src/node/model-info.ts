/**
 * What the build knows about a model without loading its weights: its layers with output shapes (from
 * model.json in the store) and whether the weights a layer needs are fetched.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readKerasLayers, type KerasModelJson } from '../engine/model/keras-topology.ts';
import { planStages, type Plan } from '../engine/model/plan.ts';
import { summarize, type SummaryRow } from '../engine/model/summary.ts';
import { groupsFor, weightLayerNames } from '../engine/model/weights.ts';
import { getModel } from '../registry/index.ts';
import { fetchHint, packDir } from './paths.ts';

export interface ModelInfo {
  plan: Plan;
  manifest: KerasModelJson['weightsManifest'];
  rows: SummaryRow[];
}

const cache = new Map<string, ModelInfo>();

export function modelInfo(modelId: string): ModelInfo {
  let info = cache.get(modelId);
  if (!info) {
    const file = path.join(packDir(modelId), 'model.json');
    if (!existsSync(file))
      throw new Error(`Model ${modelId} is not fetched (${file} is missing). Run: ${fetchHint(modelId)}`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as KerasModelJson;
    const plan = planStages(readKerasLayers(json));
    info = { plan, manifest: json.weightsManifest, rows: summarize(plan, getModel(modelId).input) };
    cache.set(modelId, info);
  }
  return info;
}

/** Output shape of a layer (without batch), or null when the model has no such layer. */
export function layerShape(modelId: string, layer: string): number[] | null {
  return modelInfo(modelId).rows.find((row) => row.layer === layer)?.outputShape ?? null;
}

/** Weight files the layer needs that are not in the store (empty when it can run). */
export function missingWeightFiles(modelId: string, layer: string): string[] {
  const { plan, manifest } = modelInfo(modelId);
  const tap = plan.taps.get(layer);
  if (!tap) return [];
  const names = weightLayerNames(plan.stages.slice(0, tap.stage + 1));
  return groupsFor(manifest, names)
    .flatMap((group) => group.paths)
    .filter((file) => !existsSync(path.join(packDir(modelId), file)));
}

/** Conv layers of a model (its nameable layers with a [h, w, c] output), in network order. */
export function convLayers(modelId: string): string[] {
  return getModel(modelId).layers.filter((layer) => /conv/.test(layer) && layerShape(modelId, layer)?.length === 3);
}

/** Conv layers whose weights are fetched (what a live panel can offer). */
export function fetchedConvLayers(modelId: string): string[] {
  return convLayers(modelId).filter((layer) => !missingWeightFiles(modelId, layer).length);
}
