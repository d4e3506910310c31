/** The plan that folds conv + batch norm + activation into one unit, and the Keras-style summary. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKerasLayers, type KerasModelJson } from '../../src/engine/model/keras-topology.ts';
import { planStages } from '../../src/engine/model/plan.ts';
import { filterImages, summarize } from '../../src/engine/testing.ts';
import { mirrorSource } from '../../src/node/fs-source.ts';
import { getModel } from '../../src/registry/index.ts';

async function modelJson(id: string): Promise<KerasModelJson> {
  return JSON.parse(await readFile(path.join(mirrorSource(id).location, 'model.json'), 'utf8')) as KerasModelJson;
}

describe('stage plan', () => {
  it('folds each Tiny Darknet conv with its batch norm and leaky ReLU', async () => {
    const plan = planStages(readKerasLayers(await modelJson('tiny-darknet')));
    const first = plan.stages[0]!;
    expect(first).toMatchObject({ kind: 'conv', name: 'conv2d_1', activation: { type: 'leakyrelu' } });
    expect(first.layers.map((l) => l.name)).toEqual(['conv2d_1', 'batch_normalization_1', 'leaky_re_lu_1']);
    expect(plan.taps.get('batch_normalization_1')).toEqual({ stage: 0, when: 'pre' });
    expect(plan.taps.get('leaky_re_lu_1')).toEqual({ stage: 0, when: 'post' });
    expect(plan.stages.filter((s) => s.kind === 'conv')).toHaveLength(16);
    expect(plan.stages.at(-1)!.kind).toBe('global-avg-pool');
  });

  it('takes the activation from the layer config for VGG19 and from Activation layers for Tiny VGG', async () => {
    const vgg = planStages(readKerasLayers(await modelJson('vgg19')));
    expect(vgg.stages[0]).toMatchObject({ name: 'block1_conv1', activation: { type: 'relu' }, padding: 'same' });
    const tiny = planStages(readKerasLayers(await modelJson('tiny-vgg')));
    expect(tiny.stages.map((s) => s.name)).toEqual([
      'conv_1_1',
      'conv_1_2',
      'max_pool_1',
      'conv_2_1',
      'conv_2_2',
      'max_pool_2',
      'flatten',
      'output',
    ]);
    expect(tiny.stages.at(-1)).toMatchObject({ kind: 'dense', activation: { type: 'softmax' } });
  });

  it('summarises Tiny VGG like Keras (valid padding shrinks each conv by 2)', async () => {
    const plan = planStages(readKerasLayers(await modelJson('tiny-vgg')));
    const rows = summarize(plan, getModel('tiny-vgg').input);
    expect(rows.map((r) => [r.layer, r.outputShape.join('x'), r.params])).toEqual([
      ['conv_1_1', '62x62x10', 280],
      ['relu_1_1', '62x62x10', 0],
      ['conv_1_2', '60x60x10', 910],
      ['relu_1_2', '60x60x10', 0],
      ['max_pool_1', '30x30x10', 0],
      ['conv_2_1', '28x28x10', 910],
      ['relu_2_1', '28x28x10', 0],
      ['conv_2_2', '26x26x10', 910],
      ['relu_2_2', '26x26x10', 0],
      ['max_pool_2', '13x13x10', 0],
      ['flatten', '1690', 0],
      ['output', '10', 16910],
    ]);
  });

  it('lists every layer the registry lets figures name', async () => {
    for (const id of ['tiny-darknet', 'tiny-vgg', 'vgg19']) {
      const plan = planStages(readKerasLayers(await modelJson(id)));
      for (const layer of getModel(id).layers) expect(plan.taps.has(layer), `${id}:${layer}`).toBe(true);
    }
  });
});

describe('filter images', () => {
  it('draws 3-channel filters in colour with zero at mid-grey, and deeper ones per input channel', () => {
    // 1x1 kernel, 3 inputs, 2 filters: filter 0 = (+1, 0, -1), filter 1 = (0.5, 0.5, 0.5)
    const rgb = filterImages([1, 1, 3, 2], new Float32Array([1, 0.5, 0, 0.5, -1, 0.5]));
    expect(rgb).toMatchObject({ mode: 'rgb', count: 2, scale: 1 });
    expect(Array.from(rgb.rgba)).toEqual([255, 128, 1, 255, 192, 192, 192, 255]);
    const grey = filterImages([1, 1, 2, 1], new Float32Array([2, -2]));
    expect(grey).toMatchObject({ mode: 'grey', count: 2, inputChannels: 2 });
    expect(Array.from(grey.rgba)).toEqual([255, 255, 255, 255, 1, 1, 1, 255]);
  });
});
