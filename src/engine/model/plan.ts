/**
 * Turns the Keras layer list into stages the engine executes. A conv (or dense) layer absorbs the batch
 * norm and activation layers that follow it, so a stage is one "unit" as a reader thinks of it; the
 * absorbed layers stay addressable by name as the stage's pre- or post-activation value.
 */
import type { KerasLayer } from './keras-topology.ts';

export type Activation =
  | { type: 'linear' }
  | { type: 'relu' }
  | { type: 'leakyrelu'; alpha: number }
  | { type: 'sigmoid' }
  | { type: 'tanh' }
  | { type: 'softmax' };

interface StageBase {
  /** Name of the stage: the Keras name of its main layer. */
  name: string;
  /** Keras layers folded into this stage, in order (main layer first). */
  layers: KerasLayer[];
}

export interface WeightedStage extends StageBase {
  kind: 'conv' | 'dense';
  /** The conv or dense layer. */
  main: KerasLayer;
  /** A batch norm layer right after it, folded into its weights at load time. */
  batchNorm?: KerasLayer;
  /** The non-linearity applied after it (its own or the next activation layer's). */
  activation: Activation;
  strides: [number, number];
  padding: 'same' | 'valid';
}

export interface PoolStage extends StageBase {
  kind: 'max-pool' | 'avg-pool';
  poolSize: [number, number];
  strides: [number, number];
  padding: 'same' | 'valid';
}

export interface ReshapeStage extends StageBase {
  kind: 'global-avg-pool' | 'flatten';
}

export type Stage = WeightedStage | PoolStage | ReshapeStage;

/** Conv and dense stages carry weights; pools and reshapes do not. */
export function isWeighted(stage: Stage): stage is WeightedStage {
  return stage.kind === 'conv' || stage.kind === 'dense';
}

/** Where a Keras layer's output is found: a stage, before or after its activation. */
export interface TapPoint {
  stage: number;
  when: 'pre' | 'post';
}

export interface Plan {
  stages: Stage[];
  /** Every Keras layer name (and stage name) mapped to where its output lives. */
  taps: Map<string, TapPoint>;
}

const ACTIVATION_LAYERS = new Set(['LeakyReLU', 'Activation', 'ReLU']);
const IDENTITY_LAYERS = new Set(['InputLayer', 'Dropout']);

export function planStages(layers: KerasLayer[]): Plan {
  const stages: Stage[] = [];
  const taps = new Map<string, TapPoint>();
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    if (IDENTITY_LAYERS.has(layer.className)) continue;
    const index = stages.length;
    if (layer.className === 'Conv2D' || layer.className === 'Dense') {
      const stage = weightedStage(layer, layers[i + 1], layers[i + 2]);
      stages.push(stage);
      i += stage.layers.length - 1;
      const [main, ...rest] = stage.layers;
      taps.set(main!.name, { stage: index, when: 'post' });
      for (const absorbed of rest) {
        taps.set(absorbed.name, { stage: index, when: ACTIVATION_LAYERS.has(absorbed.className) ? 'post' : 'pre' });
      }
      // "<layer>:pre" names the value before the non-linearity even where Keras has no layer for it (VGG19's
      // convs carry their ReLU): feature visualisation maximises it, since a ReLU at zero has no gradient.
      if (stage.activation.type !== 'linear') taps.set(`${main!.name}:pre`, { stage: index, when: 'pre' });
      continue;
    }
    stages.push(simpleStage(layer));
    taps.set(layer.name, { stage: index, when: 'post' });
  }
  return { stages, taps };
}

function weightedStage(main: KerasLayer, next?: KerasLayer, afterNext?: KerasLayer): WeightedStage {
  const layers = [main];
  let activation = parseActivation(main.config.activation, main.name);
  let batchNorm: KerasLayer | undefined;
  let candidate = next;
  if (activation.type === 'linear' && candidate?.className === 'BatchNormalization') {
    batchNorm = candidate;
    layers.push(candidate);
    candidate = afterNext;
  }
  if (activation.type === 'linear' && candidate && ACTIVATION_LAYERS.has(candidate.className)) {
    activation = activationLayer(candidate);
    layers.push(candidate);
  }
  return {
    kind: main.className === 'Conv2D' ? 'conv' : 'dense',
    name: main.name,
    layers,
    main,
    batchNorm,
    activation,
    strides: pair(main.config.strides, 1),
    padding: main.config.padding === 'same' ? 'same' : 'valid',
  };
}

function simpleStage(layer: KerasLayer): Stage {
  const c = layer.config;
  switch (layer.className) {
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return {
        kind: layer.className === 'MaxPooling2D' ? 'max-pool' : 'avg-pool',
        name: layer.name,
        layers: [layer],
        poolSize: pair(c.pool_size, 2),
        strides: pair(c.strides ?? c.pool_size, 2),
        padding: c.padding === 'same' ? 'same' : 'valid',
      };
    case 'GlobalAveragePooling2D':
      return { kind: 'global-avg-pool', name: layer.name, layers: [layer] };
    case 'Flatten':
      return { kind: 'flatten', name: layer.name, layers: [layer] };
    default:
      throw new Error(`Layer ${layer.name}: Keras layer type ${layer.className} is not supported by the engine.`);
  }
}

function activationLayer(layer: KerasLayer): Activation {
  if (layer.className === 'LeakyReLU') return { type: 'leakyrelu', alpha: Number(layer.config.alpha ?? 0.3) };
  if (layer.className === 'ReLU') return { type: 'relu' };
  return parseActivation(layer.config.activation, layer.name);
}

function parseActivation(value: unknown, layerName: string): Activation {
  const name = value ?? 'linear';
  if (name === 'linear' || name === 'relu' || name === 'sigmoid' || name === 'tanh' || name === 'softmax') {
    return { type: name };
  }
  throw new Error(`Layer ${layerName}: activation ${String(name)} is not supported by the engine.`);
}

function pair(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value)) return [Number(value[0]), Number(value[1] ?? value[0])];
  if (typeof value === 'number') return [value, value];
  return [fallback, fallback];
}
