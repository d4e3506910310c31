/**
 * A loaded network: the engine's one object per model. Every public method takes pixels or a tensor and
 * returns plain data (typed arrays); tensors created inside are disposed before it returns.
 */
import * as tf from '@tensorflow/tfjs-core';
import { UnknownLayerError } from '../errors.ts';
import { toInputTensor, type ImagePixels, type InputSize, type ResizeMode } from '../image/preprocess.ts';
import type { ModelSpec } from './spec.ts';
import { runStages, type ForwardOptions } from './forward.ts';
import type { Plan, TapPoint, WeightedStage } from './plan.ts';
import type { StageWeights } from './weights.ts';
import { topK, type Prediction } from './classify.ts';
import { summarize, type SummaryRow } from './summary.ts';

/** A layer's output for one image: [height, width, channels] for conv maps, [units] for vectors. */
export interface LayerActivation {
  layer: string;
  shape: number[];
  data: Float32Array;
}

/** What to feed the network: decoded pixels (preprocessed here) or an input tensor the caller owns. */
export type NetworkInput = ImagePixels | tf.Tensor4D;

export interface InputOptions {
  /** How the image is fitted to the input size (default: squash). */
  resize?: ResizeMode;
  /** Input size (default: the model's). */
  size?: InputSize;
}

export class Network {
  constructor(
    readonly spec: ModelSpec,
    readonly plan: Plan,
    private readonly weights: Map<number, StageWeights>,
    /** Index of the deepest stage whose weights are loaded. */
    readonly lastStage: number,
    readonly labels: string[],
  ) {}

  /** Keras layer names this loaded network can produce (within the loaded depth), in order. */
  get availableLayers(): string[] {
    return [...this.plan.taps.entries()].filter(([, tap]) => tap.stage <= this.lastStage).map(([name]) => name);
  }

  /** Where a layer's output is taken; throws with the valid names when unknown or not loaded. */
  tap(layer: string): TapPoint {
    const point = this.plan.taps.get(layer);
    if (!point || point.stage > this.lastStage) throw new UnknownLayerError(this.spec.id, layer, this.availableLayers);
    return point;
  }

  /** The model's input tensor for these pixels; the caller disposes it. */
  preprocess(pixels: ImagePixels, options: InputOptions = {}): tf.Tensor4D {
    const size = options.size ?? { width: this.spec.input.width, height: this.spec.input.height };
    return toInputTensor(pixels, this.spec.preprocessing, size, options.resize ?? 'squash');
  }

  /**
   * Tensors at the named layers from one forward pass (for callers that keep computing on them, such as
   * optimisation objectives). Call inside tf.tidy or dispose the results.
   */
  forward(input: tf.Tensor4D, layers: string[], options: ForwardOptions = {}): tf.Tensor[] {
    return runStages(
      this.plan.stages,
      this.weights,
      input,
      layers.map((l) => this.tap(l)),
      options,
    );
  }

  /** Every requested layer's activations from a single forward pass. */
  async activations(input: NetworkInput, layers: string[], options: InputOptions = {}): Promise<LayerActivation[]> {
    const outputs = tf.tidy(() => this.forward(this.asTensor(input, options), layers));
    try {
      const arrays = await Promise.all(outputs.map((t) => t.data<'float32'>()));
      return layers.map((layer, i) => ({ layer, shape: outputs[i]!.shape.slice(1), data: arrays[i]! }));
    } finally {
      tf.dispose(outputs);
    }
  }

  /** The network's final output (logits or probabilities, as the model gives them). */
  async predict(input: NetworkInput, options: InputOptions = {}): Promise<Float32Array> {
    const last = this.plan.stages.length - 1;
    if (this.lastStage < last)
      throw new Error(
        `Model ${this.spec.id} was loaded only up to ${this.plan.stages[this.lastStage]!.name}; load it whole to predict.`,
      );
    const out = tf.tidy(
      () =>
        runStages(this.plan.stages, this.weights, this.asTensor(input, options), [{ stage: last, when: 'post' }])[0]!,
    );
    try {
      return await out.data<'float32'>();
    } finally {
      out.dispose();
    }
  }

  /** The k most likely classes with their probabilities. */
  async classify(input: NetworkInput, k = 5, options: InputOptions = {}): Promise<Prediction[]> {
    return topK(await this.predict(input, options), k, this.labels, this.spec.outputIsLogits);
  }

  /** The effective filter weights of a conv layer (batch norm folded in): [kh, kw, cin, cout]. */
  async filterWeights(layer: string): Promise<{ shape: number[]; data: Float32Array }> {
    const point = this.tap(layer);
    const stage = this.plan.stages[point.stage] as WeightedStage;
    const weights = this.weights.get(point.stage);
    if (stage.kind !== 'conv' || !weights) throw new Error(`Layer ${layer} of ${this.spec.id} is not a conv layer.`);
    return { shape: weights.kernel.shape, data: await weights.kernel.data<'float32'>() };
  }

  /** The model's layers like a Keras summary (type, output shape, parameters), from the plan alone. */
  summary(): SummaryRow[] {
    return summarize(this.plan, this.spec.input);
  }

  /**
   * The same network with some stages' weights replaced (the sanity check's randomised layers). It shares
   * every other weight tensor with this one: dispose only the replacements, never the derived network.
   */
  withStageWeights(replacements: ReadonlyMap<number, StageWeights>): Network {
    const merged = new Map(this.weights);
    for (const [stage, weights] of replacements) merged.set(stage, weights);
    return new Network(this.spec, this.plan, merged, this.lastStage, this.labels);
  }

  /** A stage's effective weights (batch norm folded in), owned by the network: do not dispose. */
  stageWeights(stage: number): StageWeights | undefined {
    return this.weights.get(stage);
  }

  /** Frees the weights. */
  dispose(): void {
    for (const w of this.weights.values()) tf.dispose([w.kernel, w.bias, ...(w.flipped ? [w.flipped] : [])]);
    this.weights.clear();
  }

  private asTensor(input: NetworkInput, options: InputOptions): tf.Tensor4D {
    return input instanceof tf.Tensor ? input : this.preprocess(input, options);
  }
}
