/**
 * Attribution figures' props: what a target resolves to (the photo's top class, a class by name, a channel
 * or a unit of any model's layer), Grad-CAM's default layer per model, the build profile's caps, and the
 * messages for a misspelt method, class or layer.
 */
import { describe, expect, it } from 'vitest';
import { resolveComponent } from '../helpers/figures.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import type { Resolution } from '../../src/figures/validate.ts';

function resolve(component: string, props: Record<string, unknown>, profile = PROFILES.cpu): Resolution {
  return resolveComponent(component, props, 'chelsea.png', profile);
}

function recipe(component: string, props: Record<string, unknown>, profile = PROFILES.cpu): Record<string, unknown> {
  const resolution = resolve(component, props, profile);
  if (resolution.status !== 'ok') throw new Error(JSON.stringify(resolution));
  return resolution.recipe as unknown as Record<string, unknown>;
}

function problems(component: string, props: Record<string, unknown>): string {
  const resolution = resolve(component, props);
  return resolution.status === 'invalid' ? resolution.problems.join('; ') : `resolved: ${resolution.status}`;
}

describe('attribution targets', () => {
  it("follow the photo's top class by default, and take a class by name", () => {
    expect(recipe('SaliencyMap', {}).target).toEqual({ kind: 'top-class' });
    expect(recipe('SaliencyMap', { class: 'Tabby' }).target).toEqual({ kind: 'class', index: 173, label: 'tabby' });
    expect(recipe('OcclusionMap', { class: 'crane (n03126707)' }).target).toEqual({
      kind: 'class',
      index: 544,
      label: 'crane (n03126707)',
    });
  });

  it('explain a channel or one unit of a layer, on VGG19 blocks 1-3 too', () => {
    expect(recipe('SaliencyMap', { layer: 'conv2d_10', channel: 3 }).target).toEqual({
      kind: 'channel',
      layer: 'conv2d_10',
      index: 3,
    });
    const unit = recipe('SaliencyMap', { model: 'vgg19', layer: 'block3_conv1', channel: 7, unit: { x: 20, y: 11 } });
    expect(unit.target).toEqual({ kind: 'unit', layer: 'block3_conv1', index: 7, x: 20, y: 11 });
  });

  it('put Grad-CAM at the last conv layer before the classifier, or before a layer target', () => {
    const method = (props: Record<string, unknown>) => recipe('SaliencyMap', { method: 'grad-cam', ...props }).method;
    expect(method({})).toEqual({ method: 'grad-cam', layer: 'conv2d_15' }); // conv2d_16 is the 1x1 classifier
    expect(method({ model: 'tiny-vgg' })).toEqual({ method: 'grad-cam', layer: 'conv_2_2' });
    expect(method({ layer: 'conv2d_10' })).toEqual({ method: 'grad-cam', layer: 'conv2d_9' });
    expect(method({ camLayer: 'conv2d_12' })).toEqual({ method: 'grad-cam', layer: 'conv2d_12' });
  });

  it("cap samples, points and the cascade's depth by the build profile", () => {
    const methods = recipe('SaliencyMethods', {
      methods: ['smoothgrad', 'integrated-gradients'],
      samples: 80,
      steps: 100,
    });
    expect(methods.methods).toMatchObject([{ samples: 25 }, { steps: 64 }]);
    const gpu = recipe(
      'SaliencyMethods',
      { methods: ['smoothgrad', 'integrated-gradients'], samples: 80, steps: 100 },
      PROFILES.gpu,
    );
    expect(gpu.methods).toMatchObject([{ samples: 80 }, { steps: 100 }]);
    expect(recipe('SanityCheck', { depth: 12 }).depth).toBe(4);
  });
});

describe('attribution mistakes', () => {
  it('name the valid methods, classes, layers and channels', () => {
    expect(problems('SaliencyMap', { method: 'gradcam' })).toMatch(/grad-cam/);
    expect(problems('SaliencyMap', { class: 'tabbby' })).toMatch(/did you mean "tabby"/);
    expect(problems('SaliencyMap', { layer: 'conv2d_99' })).toMatch(/unknown layer "conv2d_99".*did you mean/);
    expect(problems('SaliencyMap', { layer: 'conv2d_1', channel: 16 })).toBe(
      'channel 16 does not exist in conv2d_1; valid: 0-15',
    );
    expect(problems('SaliencyMap', { camLayer: 'conv2d_77', method: 'grad-cam' })).toMatch(/unknown layer "conv2d_77"/);
  });
});
