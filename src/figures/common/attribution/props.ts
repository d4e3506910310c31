/**
 * Props every attribution figure shares: what to explain (a class by index or name, the photo's top class
 * by default, or a channel or unit of a layer) and each method's settings, with the recipe they make.
 */
import { z } from 'zod';
import { attribution, type MethodName, type MethodSpec } from '../../../engine/index.ts';
import { imageRef, type Names, type RecipeContext } from '../../contract/authoring.ts';
import { classDisplayName, classProp, resolveClassProp } from '../classes.ts';
import { imageProp, modelProp, resizeProp } from '../props.ts';
import type { AttributionRecipeBase, TargetRecipe } from './recipe.ts';

const METHODS = attribution.METHOD_NAMES as [MethodName, ...MethodName[]];

export const methodProp = z.enum(METHODS).describe(`Attribution method: ${METHODS.join(', ')}.`);

export const targetProps = {
  model: modelProp,
  image: imageProp,
  resize: resizeProp,
  class: classProp
    .optional()
    .describe(
      'Class to explain, by index or name ("tabby"); default: the photo\'s top class (follows a reader\'s photo).',
    ),
  layer: z
    .string()
    .optional()
    .describe('Explain a channel of this layer instead of a class (Keras name, e.g. conv2d_10).'),
  channel: z.number().int().nonnegative().default(0).describe('Channel of `layer` to explain.'),
  unit: z
    .object({ x: z.number().int().nonnegative(), y: z.number().int().nonnegative() })
    .optional()
    .describe('One position {x, y} of the channel instead of its mean.'),
};

export const methodSettingProps = {
  camLayer: z
    .string()
    .optional()
    .describe("Grad-CAM's conv layer (default: the last conv layer before the classifier, conv2d_15 on Tiny Darknet)."),
  slope: z
    .enum(['zero-slope', 'keep-slope'])
    .default('zero-slope')
    .describe(
      'Guided backprop at a leaky ReLU: the original rule (slope as 0) or keep the 0.1 slope for negative inputs.',
    ),
  samples: z.number().int().min(1).max(500).default(25).describe('SmoothGrad: noisy samples averaged.'),
  noise: z.number().min(0).max(1).default(0.15).describe("SmoothGrad: noise as a share of the image's value range."),
  squared: z.boolean().default(false).describe('SmoothGrad: average squared gradients (SmoothGrad-squared).'),
  steps: z.number().int().min(2).max(1000).default(64).describe('Integrated Gradients: points of the quadrature.'),
  baseline: z.enum(['black', 'blur']).default('black').describe('Integrated Gradients: where the path starts.'),
  window: z.number().int().min(2).max(512).default(32).describe('Occlusion: side of the square patch in pixels.'),
  stride: z.number().int().min(1).max(512).default(16).describe('Occlusion: step between patch positions in pixels.'),
  patch: z.enum(['grey', 'blur']).default('grey').describe('Occlusion: what covers the window.'),
};

type TargetProps = z.infer<z.ZodObject<typeof targetProps>>;
type SettingProps = z.infer<z.ZodObject<typeof methodSettingProps>>;

/** What the target and settings name, for validation (classes by name, layers of the model). */
export function attributionNames(p: TargetProps & Partial<Pick<SettingProps, 'camLayer'>>): Names {
  const layers = [p.layer, p.camLayer].filter((l): l is string => l !== undefined);
  return {
    model: p.model,
    images: [p.image],
    ...(layers.length ? { layers: { names: layers } } : {}),
    ...(p.class !== undefined ? { classes: [p.class] } : {}),
  };
}

export function toTarget(p: TargetProps, context: RecipeContext): TargetRecipe {
  if (p.layer !== undefined) {
    return p.unit
      ? { kind: 'unit', layer: p.layer, index: p.channel, ...p.unit }
      : { kind: 'channel', layer: p.layer, index: p.channel };
  }
  if (p.class === undefined) return { kind: 'top-class' };
  const index = resolveClassProp(p.class, context, p.model);
  return { kind: 'class', index, label: classDisplayName(index, context.classLabels(p.model)) };
}

/**
 * Grad-CAM's default layer: the last conv layer before the target whose output is not itself the class
 * scores (Tiny Darknet's conv2d_16 is its 1x1 classifier, so conv2d_15; Tiny VGG's conv_2_2).
 */
export function defaultCamLayer(model: string, target: TargetRecipe, context: RecipeContext): string {
  let convs = context.featureConvLayers(model);
  if (target.kind === 'channel' || target.kind === 'unit') {
    const all = context.fetchedConvLayers(model);
    convs = all.slice(0, Math.max(0, all.indexOf(target.layer)));
  }
  return convs.at(-1) ?? '';
}

/** A method's spec from the props, capped by the build profile. */
export function toMethodSpec(
  method: MethodName,
  p: SettingProps & { model: string },
  target: TargetRecipe,
  context: RecipeContext,
): MethodSpec {
  const caps = context.profile.attribution;
  switch (method) {
    case 'guided-backprop':
      return { method, slope: p.slope };
    case 'grad-cam':
      return { method, layer: p.camLayer ?? defaultCamLayer(p.model, target, context) };
    case 'smoothgrad':
      return { method, samples: Math.min(p.samples, caps.maxSamples), noise: p.noise, squared: p.squared, seed: 0 };
    case 'integrated-gradients':
      return { method, steps: Math.min(p.steps, caps.maxSteps), baseline: p.baseline };
    case 'occlusion':
      return { method, window: p.window, stride: p.stride, patch: p.patch };
    default:
      return { method };
  }
}

/** The recipe fields every attribution figure shares: model, photo, resize mode, target, build profile. */
export function attributionBase(p: TargetProps, context: RecipeContext): AttributionRecipeBase {
  return {
    model: p.model,
    image: imageRef(p.image ?? context.photo),
    resize: p.resize,
    target: toTarget(p, context),
    profile: context.profile.name,
  };
}

/** The shared fields and the methods' specs, for kinds that show several methods. */
export function attributionWithMethods(
  p: TargetProps & SettingProps & { methods: MethodName[] },
  context: RecipeContext,
): AttributionRecipeBase & { methods: MethodSpec[] } {
  const base = attributionBase(p, context);
  return { ...base, methods: toMethodSpecs(p.methods, p, base, context) };
}

/** Each named method's spec, for the base's target. */
export function toMethodSpecs(
  methods: MethodName[],
  p: SettingProps & { model: string },
  base: AttributionRecipeBase,
  context: RecipeContext,
): MethodSpec[] {
  return methods.map((m) => toMethodSpec(m, p, base.target, context));
}

/** Problems only the recipe shows: a channel past the end of its layer, Grad-CAM with no conv layer before. */
export function checkTarget(
  target: TargetRecipe,
  methods: MethodSpec[],
  model: string,
  context: RecipeContext,
): string[] {
  const noLayer = methods.some((m) => m.method === 'grad-cam' && m.layer === '');
  if (noLayer) return [`Grad-CAM needs a conv layer before the target; name one with camLayer`];
  if (target.kind !== 'channel' && target.kind !== 'unit') return [];
  const channels = context.channelCount(model, target.layer);
  return target.index < channels
    ? []
    : [`channel ${target.index} does not exist in ${target.layer}; valid: 0-${channels - 1}`];
}

/** Rough cost in forward passes of 224x224, for the ETA (a gradient is about 3 passes). */
export function methodCost(spec: MethodSpec): number {
  switch (spec.method) {
    case 'smoothgrad':
      return 3 * (spec.samples ?? 25);
    case 'integrated-gradients':
      return 3 * (spec.steps ?? 64);
    case 'occlusion': {
      const positions = Math.ceil(224 / (spec.stride ?? 16)) ** 2;
      return positions;
    }
    default:
      return 3;
  }
}
