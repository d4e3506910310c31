/**
 * The photo's side of a comparison with a set: its features at the set's layer (the same pooling as the
 * set's), its peaks, and its pixel-space vector. The photo is not a cut-out: it goes in as it is.
 */
import { attribution, embedding, type LayerFeatures, type Network } from '../../../engine/index.ts';
import type { FigureInputs, Reads } from '../../contract/compute.ts';
import type { SetMember, SetRecipeBase } from './recipe.ts';
import type { SetIndex } from './set-index.ts';

export interface PhotoInSet {
  index: SetIndex;
  features: LayerFeatures;
  /** The layer actually read ("logits" resolved). */
  layer: string;
}

export async function photoInSet(recipe: SetRecipeBase, inputs: FigureInputs): Promise<PhotoInSet> {
  const { set, model, layer: requested } = recipe;
  const [index, network, pixels] = await Promise.all([
    inputs.imageSet({ set, model, layer: requested }),
    inputs.network(model),
    inputs.image(recipe.image),
  ]);
  const layer = resolveSetLayer(network, requested);
  const [features] = await embedding.layerFeatures(network, pixels, [layer], { resize: recipe.resize });
  return { index, features: features!, layer };
}

/** The set's features as the engine's vector set. */
export function featureSet(index: SetIndex) {
  return { count: index.images.length, dim: index.dim, data: index.features };
}

/** The layer whose output a request names ("logits": the class scores before the softmax). */
export function resolveSetLayer(network: Network, layer: string): string {
  return layer === 'logits' ? attribution.scoreLayer(network) : layer;
}

/** What a set figure reads: the model to its layer (whole for the logits), the photo, the set's index. */
export function setReads(recipe: SetRecipeBase): Reads {
  return {
    models: { [recipe.model]: recipe.layer === 'logits' ? 'whole' : [recipe.layer] },
    images: [recipe.image],
    sets: [{ set: recipe.set, model: recipe.model, layer: recipe.layer }],
  };
}

/** An image of the set as a figure names it, with its score (similarity, distance or activation). */
export function member(index: SetIndex, i: number, score: number): SetMember {
  const image = index.images[i]!;
  return { index: i, ref: image.ref, caption: image.caption, group: image.group, score };
}
