/** How attribution figures name methods and state settings: the same text at build time and live. */
import type { Completeness, MethodName, MethodSpec } from '../../../engine/index.ts';

export const METHOD_LABELS: Record<MethodName, string> = {
  gradient: 'Gradient',
  'gradient-x-input': 'Gradient × input',
  'guided-backprop': 'Guided backprop',
  'grad-cam': 'Grad-CAM',
  cam: 'CAM',
  smoothgrad: 'SmoothGrad',
  'integrated-gradients': 'Integrated Gradients',
  occlusion: 'Occlusion',
};

/** The settings a map depends on, in words. */
export function methodSettings(spec: MethodSpec): string {
  switch (spec.method) {
    case 'guided-backprop':
      return spec.slope === 'keep-slope' ? 'leaky slope kept' : 'leaky slope as 0';
    case 'grad-cam':
      return `at ${spec.layer}`;
    case 'smoothgrad':
      return `${spec.samples} samples, noise ${Math.round((spec.noise ?? 0.15) * 100)}%${spec.squared ? ', squared' : ''}`;
    case 'integrated-gradients':
      return `${spec.baseline ?? 'black'} baseline, ${spec.steps} points`;
    case 'occlusion':
      return `${spec.window} px ${spec.patch ?? 'grey'} patch, stride ${spec.stride}`;
    default:
      return '';
  }
}

/** "sums to 17.8 of F(x) − F(baseline) = 18.7: error 4.6%". */
export function completenessText(c: Completeness): string {
  const error = c.relative
    ? `${(c.error * 100).toFixed(1)}%`
    : `${c.error.toPrecision(2)} (absolute: F(x) ≈ F(baseline))`;
  return `attributions sum to ${c.sum.toFixed(2)}; F(x) − F(baseline) = ${c.delta.toFixed(2)}; completeness error ${error}`;
}

/** How every map is drawn, stated on every figure. */
export function drawingNote(signed: boolean): string {
  return signed
    ? 'Red: for the target, blue: against; sum over colour channels, scaled by the 99th percentile of |value|, clipped.'
    : 'Sum of |value| over colour channels, scaled by its 99th percentile, clipped; brighter is more.';
}

/** The recipe card's line: model, methods and settings, the photo, the resize mode and the profile. */
export function methodLine(recipe: { model: string; resize: string; profile: string }, methods: MethodSpec[]): string {
  const described = methods.map((m) => [METHOD_LABELS[m.method], methodSettings(m)].filter(Boolean).join(' '));
  return `${recipe.model} · ${described.join(' · ')} · {photo} (${recipe.resize}) · ${recipe.profile} profile`;
}
