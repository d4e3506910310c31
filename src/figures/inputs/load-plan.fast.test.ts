/** The load plan: each model once, as deep as any figure (or a live panel) needs; each photo's pass shared. */
import { describe, expect, it } from 'vitest';
import type { Recipe } from '../registry/types.ts';
import { planLoads } from './load-plan.ts';

const photo = 'images-photos/chelsea.png';
const grid = (layer: string, model = 'tiny-darknet'): Recipe => ({
  kind: 'feature-maps',
  model,
  layer,
  image: photo,
  resize: 'squash',
  channels: [0],
  columns: 1,
});

describe('load plan', () => {
  it('loads a model to the deepest layer its figures name, and shares one pass of the photo', () => {
    const plan = planLoads([
      grid('conv2d_1'),
      grid('conv2d_8'),
      { kind: 'filters', model: 'tiny-darknet', layer: 'conv2d_3', columns: 4 },
    ]);
    expect(plan.depth).toEqual({ 'tiny-darknet': ['conv2d_1', 'conv2d_8', 'conv2d_3'] });
    expect(plan.analysis).toEqual({ 'tiny-darknet': ['conv2d_1', 'conv2d_8'] });
  });

  it('loads a model whole when a figure needs its output, or names no layer of it', () => {
    const topK: Recipe = { kind: 'top-k', model: 'tiny-darknet', image: photo, resize: 'squash', k: 5 };
    const plan = planLoads([grid('conv2d_1'), topK, { kind: 'architecture', model: 'tiny-vgg' }]);
    expect(plan.depth).toEqual({ 'tiny-darknet': 'whole', 'tiny-vgg': 'whole' });
  });

  it('adds the layers a live panel may ask for, so the page loads the model once', () => {
    const plan = planLoads([grid('block1_conv2', 'vgg19')], { vgg19: ['block3_conv4', 'block2_conv1'] });
    expect(plan.depth.vgg19).toEqual(['block1_conv2', 'block3_conv4', 'block2_conv1']);
  });

  it('gives each fast-style network of a figure its own load', () => {
    const fast: Recipe = {
      kind: 'fast-style',
      model: 'fast-style-wave',
      styles: ['fast-style-wave', 'fast-style-udnie'],
      image: photo,
      maxSide: 64,
      profile: 'cpu',
    };
    expect(planLoads([fast]).depth).toEqual({ 'fast-style-wave': 'whole', 'fast-style-udnie': 'whole' });
  });
});
