/**
 * A unit's arithmetic on plain numbers (no tfjs): its non-linearity on one value, and the softmax in its
 * steps. Teaching figures show these numbers beside the network's own, at build time and in the reader's
 * browser, so there is one implementation, here.
 */
import type { Activation } from './plan.ts';

/** A unit's non-linearity on one value (softmax is over a vector: see softmaxOf). */
export function activate(activation: Activation, value: number): number {
  switch (activation.type) {
    case 'relu':
      return Math.max(0, value);
    case 'leakyrelu':
      return value >= 0 ? value : activation.alpha * value;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-value));
    case 'tanh':
      return Math.tanh(value);
    default:
      return value;
  }
}

export interface SoftmaxOf {
  /** exp(score - the largest score): the shift keeps exp finite and cancels in the division. */
  exps: number[];
  /** The largest score (the shift). */
  shift: number;
  sum: number;
  probabilities: number[];
}

/** The softmax in its three steps: each score's exponential, their sum, each divided by it. */
export function softmaxOf(scores: number[]): SoftmaxOf {
  const shift = Math.max(...scores);
  const exps = scores.map((v) => Math.exp(v - shift));
  const sum = exps.reduce((a, b) => a + b, 0);
  return { exps, shift, sum, probabilities: exps.map((e) => e / sum) };
}
