/**
 * The layers an overview shows, read from a loaded network's plan: a run of conv and max-pool stages, the
 * stage before the first (or the model's input) as the column it reads, and the dense softmax output when
 * the run ends there. The weights come out as plain arrays, only for the channels drawn, so a figure can
 * carry them to the page.
 */
import type { Network } from '../model/network.ts';
import type { Stage } from '../model/plan.ts';
import type { UnitActivation, WindowGeometry } from './neuron.ts';

export type SpanKind = 'input' | 'conv' | 'max-pool';

export interface SpanColumn {
  /** The stage's Keras name, or "input". */
  layer: string;
  kind: SpanKind;
  /** Stage index in the plan (-1 for the input). */
  stage: number;
}

export interface OverviewSpan {
  /** The column the first layer reads, then each layer of the run. */
  columns: SpanColumn[];
  /** The dense softmax output after a flatten, when the run ends at the model's output. */
  output: { layer: string; stage: number } | null;
}

/** The run from `from` to `to`; throws with the reason when a stage cannot be shown as maps. */
export function overviewSpan(network: Network, from: string, to: string): OverviewSpan {
  const first = network.tap(from).stage;
  const last = network.tap(to).stage;
  const stages = network.plan.stages;
  if (last < first) throw new Error(`${from} comes after ${to} in ${network.spec.id}: name the earlier layer first.`);
  const final = stages[last]!;
  const outputAtEnd = final.kind === 'dense' && stages[last - 1]?.kind === 'flatten' && last === stages.length - 1;
  const mapsEnd = outputAtEnd ? last - 2 : last;
  const columns: SpanColumn[] = [
    first === 0 ? { layer: 'input', kind: 'input', stage: -1 } : mapColumn(stages, first - 1),
  ];
  for (let s = first; s <= mapsEnd; s++) columns.push(mapColumn(stages, s));
  return { columns, output: outputAtEnd ? { layer: final.name, stage: last } : null };
}

function mapColumn(stages: Stage[], index: number): SpanColumn {
  const stage = stages[index]!;
  if (stage.kind !== 'conv' && stage.kind !== 'max-pool')
    throw new Error(`${stage.name} is a ${stage.kind} layer: an overview shows conv and max-pool layers as maps.`);
  return { layer: stage.name, kind: stage.kind, stage: index };
}

/** A conv layer's weights for some of its output channels: kernel slices [kh, kw, cin] one after another. */
export interface ConvWeightsData extends WindowGeometry {
  kernel: number[];
  /** [kh, kw, cin] of one slice. */
  kernelShape: number[];
  bias: number[];
  activation: UnitActivation;
}

export async function convWeights(network: Network, stageIndex: number, channels: number[]): Promise<ConvWeightsData> {
  const stage = network.plan.stages[stageIndex]!;
  const weights = network.stageWeights(stageIndex);
  if (stage.kind !== 'conv' || !weights) throw new Error(`${stage.name} has no conv weights loaded.`);
  const [kh = 1, kw = 1, cin = 1, cout = 1] = weights.kernel.shape;
  const [kernel, bias] = await Promise.all([weights.kernel.data<'float32'>(), weights.bias.data<'float32'>()]);
  const slices = channels.flatMap((out) => {
    const slice: number[] = [];
    for (let k = 0; k < kh * kw * cin; k++) slice.push(kernel[k * cout + out]!);
    return slice;
  });
  const activation = stage.activation;
  if (activation.type !== 'relu' && activation.type !== 'leakyrelu' && activation.type !== 'linear')
    throw new Error(`${stage.name} ends in ${activation.type}: an overview takes relu, leaky relu or none.`);
  return {
    kernel: slices,
    kernelShape: [kh, kw, cin],
    bias: channels.map((out) => bias[out]!),
    activation,
    size: [kh, kw],
    strides: stage.strides,
    padding: stage.padding,
  };
}

export function poolGeometry(network: Network, stageIndex: number): WindowGeometry {
  const stage = network.plan.stages[stageIndex]!;
  if (stage.kind !== 'max-pool') throw new Error(`${stage.name} is not a max pool.`);
  return { size: stage.poolSize, strides: stage.strides, padding: stage.padding };
}

/** The dense output's kernel [in, classes] and bias as plain arrays. */
export async function denseWeights(
  network: Network,
  stageIndex: number,
): Promise<{ kernel: number[]; bias: number[] }> {
  const weights = network.stageWeights(stageIndex);
  if (!weights) throw new Error(`${network.plan.stages[stageIndex]!.name} has no weights loaded.`);
  const [kernel, bias] = await Promise.all([weights.kernel.data<'float32'>(), weights.bias.data<'float32'>()]);
  return { kernel: Array.from(kernel), bias: Array.from(bias) };
}
