/** Top-k classification from a network's output vector. */

export interface Prediction {
  /** Output index. */
  index: number;
  /** Class name (or "class N" when the model has no labels). */
  label: string;
  /** Probability in [0, 1]. */
  probability: number;
}

/**
 * The k highest-scoring classes. Logits go through a softmax first (computed in float64 in JS: cheap for
 * 1000 values and identical on every backend, so ties break the same way everywhere).
 */
export function topK(output: Float32Array, k: number, labels: string[], isLogits: boolean): Prediction[] {
  const probabilities = isLogits ? softmax(output) : Array.from(output);
  return probabilities
    .map((probability, index) => ({ index, label: labels[index] ?? `class ${index}`, probability }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
}

export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
