/**
 * What the build knows about a model without loading its weights: its layers with output shapes (from
 * model.json in the store), whether the weights a layer needs are fetched, and its classes' names.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readKerasLayers, type KerasModelJson } from '../engine/model/keras-topology.ts';
import { planStages, type Plan } from '../engine/model/plan.ts';
import { summarize, type SummaryRow } from '../engine/model/summary.ts';
import { groupsFor, weightLayerNames } from '../engine/model/weights.ts';
import type { ClassLabel } from '../figures/common/classes.ts';
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
  if (!modelInfo(modelId).plan.taps.has(layer)) return [];
  return weightFiles(modelId, [layer]).filter((file) => !existsSync(path.join(packDir(modelId), file)));
}

/**
 * The weight shards the engine's load() reads to reach these layers (every stage up to the deepest; the
 * weight-free stages it runs past add none). Unknown layers are ignored.
 */
export function weightFiles(modelId: string, layers: string[]): string[] {
  const { plan, manifest } = modelInfo(modelId);
  const deepest = Math.max(-1, ...layers.map((layer) => plan.taps.get(layer)?.stage ?? -1));
  const names = weightLayerNames(plan.stages.slice(0, deepest + 1));
  return groupsFor(manifest, names).flatMap((group) => group.paths);
}

/** Every Keras layer of the topology the engine runs (batch norms and activations included), in order. */
export function kerasLayers(modelId: string): string[] {
  return modelInfo(modelId).rows.map((row) => row.layer);
}

/** Conv layers of a model (its nameable layers with a [h, w, c] output), in network order. */
export function convLayers(modelId: string): string[] {
  return getModel(modelId).layers.filter((layer) => /conv/.test(layer) && layerShape(modelId, layer)?.length === 3);
}

/** Conv layers whose weights are fetched (what a live panel can offer). */
export function fetchedConvLayers(modelId: string): string[] {
  return convLayers(modelId).filter((layer) => !missingWeightFiles(modelId, layer).length);
}

/**
 * Fetched conv layers whose channels are features rather than class scores: all but a last conv that only a
 * global average pool follows (Tiny Darknet's 1x1 classifier conv2d_16, whose channels are the classes).
 */
export function featureConvLayers(modelId: string): string[] {
  const [before, last] = modelInfo(modelId).plan.stages.slice(-2);
  const classifier = last?.kind === 'global-avg-pool' && before?.kind === 'conv' ? before.name : null;
  return fetchedConvLayers(modelId).filter((layer) => layer !== classifier);
}

/** Classes of a model's output (as many as the topology says). */
export function classCount(modelId: string): number {
  return modelInfo(modelId).rows.at(-1)!.outputShape.at(-1)!;
}

/** A pack file of WordNet ids, one per class in output order (ImageNet models such as Tiny Darknet). */
const WNIDS_FILE = 'wnids.txt';

const labelCache = new Map<string, ClassLabel[]>();

/**
 * A model's classes by output index: the registry's labels (a file of the pack, one per line, as the engine
 * reads it, or a list of names) with the WordNet id of each when the pack has wnids.txt. One entry per
 * output; a model whose registry names no classes gets empty labels.
 */
export function classLabels(modelId: string): ClassLabel[] {
  let labels = labelCache.get(modelId);
  if (!labels) {
    const spec = getModel(modelId);
    const names = !spec.labels ? [] : 'names' in spec.labels ? spec.labels.names : packLines(modelId, spec.labels.file);
    const hasWnids = spec.files.some((f) => f.path === WNIDS_FILE);
    const wnids = hasWnids && existsSync(path.join(packDir(modelId), WNIDS_FILE)) ? packLines(modelId, WNIDS_FILE) : [];
    labels = Array.from({ length: classCount(modelId) }, (_, i) => {
      const wnid = wnids[i];
      return wnid ? { label: names[i] ?? '', wnid } : { label: names[i] ?? '' };
    });
    labelCache.set(modelId, labels);
  }
  return labels;
}

/** A text file of a fetched pack as its non-empty lines, trimmed (as the engine reads labels). */
function packLines(packId: string, file: string): string[] {
  const full = path.join(packDir(packId), file);
  if (!existsSync(full)) throw new Error(`Pack ${packId}: ${full} is missing. Run: ${fetchHint(packId)}`);
  return readFileSync(full, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
