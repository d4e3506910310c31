/**
 * Adam over one plain tensor, for gradient ascent (feature visualisation) or descent (style transfer).
 * Written out (a dozen ops) rather than tf.train.adam: the parameters stay an ordinary tensor (no
 * tf.variable to register and dispose), and the update is the same on every backend.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface AdamOptions {
  /** Step size (Lucid: 0.05). */
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class Adam {
  private m: tf.Tensor;
  private v: tf.Tensor;
  private t = 0;
  private readonly lr: number;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;

  /** Takes ownership of the initial `params`; afterwards `params` is the current value, owned by the optimiser. */
  constructor(
    public params: tf.Tensor,
    options: AdamOptions = {},
  ) {
    this.lr = options.learningRate ?? 0.05;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.m = tf.zerosLike(params);
    this.v = tf.zerosLike(params);
  }

  /** One ascent step along `gradient` (not disposed here). */
  ascend(gradient: tf.Tensor): void {
    this.step(gradient, 1);
  }

  /** One descent step against `gradient` (not disposed here): minimising, as style transfer does. */
  descend(gradient: tf.Tensor): void {
    this.step(gradient, -1);
  }

  /** Clips the parameters to [min, max] after a step (a projected step: style transfer keeps pixels in [0, 1]). */
  clip(min: number, max: number): void {
    const clipped = tf.clipByValue(this.params, min, max);
    this.params.dispose();
    this.params = clipped;
  }

  private step(gradient: tf.Tensor, direction: 1 | -1): void {
    this.t++;
    const { beta1, beta2 } = this;
    const [m, v, params] = tf.tidy(() => {
      const m = tf.add(tf.mul(this.m, beta1), tf.mul(gradient, 1 - beta1));
      const v = tf.add(tf.mul(this.v, beta2), tf.mul(tf.square(gradient), 1 - beta2));
      // Bias correction folded into the step size, as in Kingma & Ba, section 2.
      const stepSize = (direction * this.lr * Math.sqrt(1 - beta2 ** this.t)) / (1 - beta1 ** this.t);
      const update = tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), this.epsilon));
      return [m, v, tf.add(this.params, update)];
    });
    tf.dispose([this.m, this.v, this.params]);
    this.m = m;
    this.v = v;
    this.params = params;
  }

  dispose(): void {
    tf.dispose([this.m, this.v, this.params]);
  }
}
