/**
 * Real numbers for one layer operation: a 4x4 patch of the map before and after a non-linearity or a
 * pool (from the photo's shared pass), or every class score before the softmax and the model's top k.
 */
import { operations, type Network } from '../../../engine/index.ts';
import type { Block } from '../../common/conv-arithmetic.ts';
import type { FigureComputation, FigureInputs } from '../../contract/compute.ts';
import type { PhotoAnalysis } from '../../inputs/photo-analysis.ts';
import type { LayerOperationData, LayerOperationRecipe, MapOperationData, SoftmaxData } from './recipe.ts';

const SIDE = 4;
const ACTIVATION_OF_OP = { relu: 'relu', 'leaky-relu': 'leakyrelu' } as const;

export const layerOperation: FigureComputation<LayerOperationRecipe, LayerOperationData> = {
  reads: (recipe) => {
    const softmax = recipe.op === 'softmax';
    const layers = softmax ? [] : recipe.op === 'max-pool' ? [recipe.layer] : [recipe.layer, `${recipe.layer}:pre`];
    return {
      models: { [recipe.model]: softmax ? 'whole' : [recipe.layer] },
      images: [recipe.image],
      analysis: { model: recipe.model, image: recipe.image, layers },
    };
  },
  async compute(recipe, inputs) {
    const [network, analysis] = await Promise.all([
      inputs.network(recipe.model),
      inputs.analysis(recipe.model, recipe.image),
    ]);
    if (recipe.op === 'softmax') return { data: await softmax(recipe, network, inputs, analysis) };
    const data =
      recipe.op === 'max-pool' ? await pool(recipe, network, analysis) : await rectifier(recipe, network, analysis);
    return { data };
  },
};

async function rectifier(
  recipe: LayerOperationRecipe,
  network: Network,
  analysis: PhotoAnalysis,
): Promise<MapOperationData> {
  const { activation, pre } = operations.layerActivation(network, recipe.layer);
  const wanted = ACTIVATION_OF_OP[recipe.op as keyof typeof ACTIVATION_OF_OP];
  if (activation.type !== wanted)
    throw new Error(
      `${recipe.layer} of ${recipe.model} uses ${activation.type}, not ${recipe.op}: name a layer that does.`,
    );
  const [before, after] = await Promise.all([
    analysis.layer(pre, recipe.resize),
    analysis.layer(recipe.layer, recipe.resize),
  ]);
  const input = patch(before, recipe.channel, recipe.x, recipe.y);
  const model = patch(after, recipe.channel, recipe.x, recipe.y).values;
  return {
    op: recipe.op as MapOperationData['op'],
    inputLayer: pre,
    x: recipe.x,
    y: recipe.y,
    input,
    model,
    activation,
    pool: null,
  };
}

async function pool(
  recipe: LayerOperationRecipe,
  network: Network,
  analysis: PhotoAnalysis,
): Promise<MapOperationData> {
  const { stage, input: inputLayer } = operations.poolInput(network, recipe.layer);
  const [sy, sx] = stage.strides;
  // The patch starts on a window's edge, so its windows are the pool's own.
  const [x, y] = [recipe.x - (recipe.x % sx), recipe.y - (recipe.y % sy)];
  const [before, after] = await Promise.all([
    analysis.layer(inputLayer, recipe.resize),
    analysis.layer(recipe.layer, recipe.resize),
  ]);
  const input = patch(before, recipe.channel, x, y);
  const across = Math.floor((SIDE - stage.poolSize[1]) / sx) + 1;
  const down = Math.floor((SIDE - stage.poolSize[0]) / sy) + 1;
  const model = patch(after, recipe.channel, x / sx, y / sy, across, down).values;
  return {
    op: 'max-pool',
    inputLayer,
    x,
    y,
    input,
    model,
    activation: { type: 'linear' },
    pool: { size: stage.poolSize, strides: stage.strides },
  };
}

async function softmax(
  recipe: LayerOperationRecipe,
  network: Network,
  inputs: FigureInputs,
  analysis: PhotoAnalysis,
): Promise<SoftmaxData> {
  const pixels = await inputs.image(recipe.image);
  const [logits, top] = await Promise.all([
    operations.logits(network, pixels, recipe.resize),
    analysis.predictions(recipe.k, recipe.resize),
  ]);
  return { op: 'softmax', logits: Array.from(logits), top };
}

/** A width x height patch of one channel of an [h, w, c] map (refused where it leaves the map). */
function patch(
  map: { shape: number[]; data: Float32Array; layer: string },
  channel: number,
  x: number,
  y: number,
  width = SIDE,
  height = SIDE,
): Block {
  const [h = 1, w = 1, c = 1] = map.shape;
  if (x + width > w || y + height > h)
    throw new Error(`A ${width}x${height} patch at (${x}, ${y}) leaves ${map.layer}'s ${w}x${h} map.`);
  const values: number[] = [];
  for (let row = 0; row < height; row++)
    for (let col = 0; col < width; col++) values.push(map.data[((y + row) * w + x + col) * c + channel]!);
  return { width, height, channels: 1, values };
}
