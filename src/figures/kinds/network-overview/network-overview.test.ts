/**
 * The network overview through the one compute entry, on the real Tiny VGG (and a run of Tiny Darknet):
 * its columns are the model's own layer outputs (checked against tfjs-layers), every drawn conv map is the
 * sum of its input channels convolved with their kernel slices plus the bias through the non-linearity,
 * every pool map its input's window maxima, and the output softmax over the dense logits.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overview } from '../../../engine/index.ts';
import type { CachedInputs } from '../../inputs/cached-inputs.ts';
import { planLoads } from '../../inputs/load-plan.ts';
import { computeFigure } from '../../registry/compute.ts';
import { initNodeBackend } from '../../../node/engine.ts';
import { nodeInputs } from '../../../node/figure-inputs.ts';
import { mirrorSource } from '../../../node/fs-source.ts';
import { loadLayersModel, perLayerModels } from '../../../node/layers-reference.ts';
import { decodeImageFile } from '../../../node/image.ts';
import { imagesRoot } from '../../../../tests/helpers/images.ts';
import type { NetworkOverviewData, NetworkOverviewRecipe, OverviewColumnData } from './recipe.ts';

const vgg = (image: string): NetworkOverviewRecipe => ({
  kind: 'network-overview',
  model: 'tiny-vgg',
  image: `images-tiny-imagenet/${image}`,
  resize: 'center-crop',
  from: 'conv_1_1',
  to: 'output',
  channels: 10,
  pick: 'sampled',
  page: 0,
  tile: 40,
  presets: [],
});
const darknet: NetworkOverviewRecipe = {
  ...vgg('koala_1.jpeg'),
  model: 'tiny-darknet',
  image: 'images-photos/chelsea.png',
  from: 'conv2d_11',
  to: 'conv2d_12',
  channels: 4,
  tile: 56,
};
// Samples the model gets right (checked: koala 0.95, school bus 0.99, pizza 0.99).
const KNOWN = { 'koala_1.jpeg': 'koala', 'bus_1.jpeg': 'school bus', 'pizza_1.jpeg': 'pizza' };
let inputs: CachedInputs;

beforeAll(async () => {
  await initNodeBackend('wasm');
  inputs = nodeInputs(planLoads([vgg('koala_1.jpeg'), darknet]), 'mirror');
});
afterAll(() => inputs.dispose());

async function overviewOf(recipe: NetworkOverviewRecipe) {
  const result = await computeFigure(recipe, inputs);
  return { image: result.image!, data: result.data as NetworkOverviewData };
}

/** A stored channel of a column as its own map. */
function stored(column: OverviewColumnData, channel: number): Float32Array {
  return overview.channelMap(
    column.values,
    [...column.shape.slice(0, 2), column.stored.length],
    column.stored.indexOf(channel),
  ).values;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, what: string) {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  expect(worst, what).toBeLessThan(tolerance);
}

describe('Tiny VGG overview', () => {
  it('has the input, every layer and the output, each drawn map a tile of the grid', async () => {
    const { image, data } = await overviewOf(vgg('koala_1.jpeg'));
    expect(data.columns.map((c) => c.layer)).toEqual([
      'input',
      'conv_1_1',
      'conv_1_2',
      'max_pool_1',
      'conv_2_1',
      'conv_2_2',
      'max_pool_2',
    ]);
    expect(data.columns.map((c) => c.shape)).toEqual([
      [64, 64, 3],
      [62, 62, 10],
      [60, 60, 10],
      [30, 30, 10],
      [28, 28, 10],
      [26, 26, 10],
      [13, 13, 10],
    ]);
    expect(data.columns[0]!.row0).toBe(3);
    expect(data.layout).toMatchObject({ columns: 7, rows: 10, tileWidth: 40 });
    expect([image.width, image.height]).toEqual([data.layout.width, data.layout.height]);
    expect(data.output?.labels).toHaveLength(10);
  });

  it("shows the model's own layer outputs (tfjs-layers on the same weights)", async () => {
    const { data } = await overviewOf(vgg('koala_1.jpeg'));
    const reference = await loadLayersModel(mirrorSource('tiny-vgg'));
    const keras = ['relu_1_1', 'relu_1_2', 'max_pool_1', 'relu_2_1', 'relu_2_2', 'max_pool_2', 'output'];
    const models = perLayerModels(reference, keras);
    const network = await inputs.network('tiny-vgg');
    const pixels = await decodeImageFile(`${imagesRoot()}/tiny-imagenet/koala_1.jpeg`);
    const input = network.preprocess(pixels, { resize: 'center-crop' });
    try {
      for (const [i, model] of models.entries()) {
        const out = model.predict(input) as Tensor;
        const expected = await out.data();
        out.dispose();
        const column = data.columns[i + 1];
        expectClose(column ? column.values : data.output!.probabilities, expected, 1e-4, keras[i]!);
      }
      expectClose(data.columns[0]!.values, await input.data(), 1e-5, 'input');
    } finally {
      input.dispose();
      reference.dispose();
    }
  });

  it('takes every conv map apart: sum over input channels of kernel * channel, plus bias, then ReLU', async () => {
    const { data } = await overviewOf(vgg('koala_1.jpeg'));
    for (const [i, column] of data.columns.entries()) {
      if (!column.conv) continue;
      const previous = data.columns[i - 1]!;
      const [kh, kw, cin] = column.conv.kernelShape as [number, number, number];
      let clipped = false;
      for (const [k, channel] of column.channels.entries()) {
        const parts = overview.convNeuron(previous.values, previous.shape, {
          ...column.conv,
          kernel: column.conv.kernel.slice(k * kh * kw * cin, (k + 1) * kh * kw * cin),
          bias: column.conv.bias[k]!,
        });
        expect(parts.contributions).toHaveLength(previous.shape[2]!);
        expectClose(parts.output.values, stored(column, channel), 1e-4, `${column.layer} channel ${channel}`);
        clipped ||= parts.output.values.some((v, p) => v === 0 && parts.biased.values[p]! < 0);
      }
      expect(clipped, `ReLU clips some of ${column.layer}`).toBe(true);
    }
  });

  it('takes every pool map apart: the largest value of each 2x2 window of its one input channel', async () => {
    const { data } = await overviewOf(vgg('bus_1.jpeg'));
    for (const [i, column] of data.columns.entries()) {
      if (!column.pool) continue;
      const previous = data.columns[i - 1]!;
      for (const channel of column.channels) {
        const input = overview.channelMap(previous.values, previous.shape, channel);
        expectClose(
          overview.maxPoolMap(input, column.pool).values,
          stored(column, channel),
          1e-6,
          `${column.layer} ${channel}`,
        );
      }
    }
  });

  it.each(Object.entries(KNOWN))('softmax of the dense logits: sums to 1 and names %s as %s', async (file, label) => {
    const { data } = await overviewOf(vgg(file));
    const last = data.columns.at(-1)!;
    const steps = overview.softmaxSteps(last.values, data.output!.kernel, data.output!.bias);
    expectClose(steps.probabilities, data.output!.probabilities, 1e-5, 'probabilities');
    expect(steps.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const best = steps.probabilities.indexOf(Math.max(...steps.probabilities));
    expect(data.output!.labels[best]).toBe(label);
  });
});

describe('channels of a wide layer', () => {
  it('samples them evenly, or pages through them, every page as long as the first', () => {
    expect(overview.sampleChannels(512, 4)).toEqual([0, 128, 256, 384]);
    expect(overview.sampleChannels(10, 16)).toHaveLength(10);
    expect(overview.pageChannels(64, 4, 1)).toEqual([4, 5, 6, 7]);
    expect(overview.pageChannels(10, 4, 2)).toEqual([8, 9, 0, 1]);
  });
});

describe('a run of Tiny Darknet', () => {
  it('reads the layer before the run, samples channels, and decomposes leaky ReLU convs with same padding', async () => {
    const { data } = await overviewOf(darknet);
    expect(data.columns.map((c) => c.layer)).toEqual(['max_pooling2d_4', 'conv2d_11', 'conv2d_12']);
    expect(data.columns[2]!.channels).toEqual([0, 128, 256, 384]);
    expect(data.columns[2]!.stored).toEqual([0, 128, 256, 384]);
    expect(data.columns[1]!.stored).toHaveLength(64);
    expect(data.output).toBeNull();
    const [, conv11, conv12] = data.columns as [OverviewColumnData, OverviewColumnData, OverviewColumnData];
    expect(conv12.conv?.activation.type).toBe('leakyrelu');
    for (const [k, channel] of conv12.channels.entries()) {
      const size = 3 * 3 * 64;
      const parts = overview.convNeuron(conv11.values, conv11.shape, {
        ...conv12.conv!,
        kernel: conv12.conv!.kernel.slice(k * size, (k + 1) * size),
        bias: conv12.conv!.bias[k]!,
      });
      expect(parts.output.height).toBe(14);
      expectClose(parts.output.values, stored(conv12, channel), 1e-3, `conv2d_12 channel ${channel}`);
    }
  });
});
