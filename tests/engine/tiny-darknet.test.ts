/**
 * Tiny Darknet on the real weights: structure, sensible top-5 on photos, identical results on wasm and cpu,
 * all layers' activations agreeing across backends, and agreement with tfjs-layers as an independent
 * reference implementation.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { maxMagnitude, summarize, valueRange, type LayerActivation } from '../../src/engine/testing.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { mirrorSource } from '../../src/node/fs-source.ts';
import { loadLayersModel, perLayerModels } from '../../src/node/layers-reference.ts';
import { photoPath } from '../helpers/images.ts';

const CONV_LAYERS = Array.from({ length: 16 }, (_, i) => `conv2d_${i + 1}`);
const CATS = ['Egyptian cat', 'tabby', 'tiger cat', 'Persian cat', 'Siamese cat'];

async function onBackend<T>(backend: 'wasm' | 'cpu', work: (network: Network) => Promise<T>): Promise<T> {
  await initNodeBackend(backend);
  const network = await loadModel('tiny-darknet', { from: 'mirror' });
  try {
    return await work(network);
  } finally {
    network.dispose();
  }
}

describe('Tiny Darknet structure', () => {
  it('has 16 conv layers, 1,000 outputs and about 1.04 M conv parameters', async () => {
    await onBackend('wasm', async (network) => {
      const rows = summarize(network.plan, network.spec.input);
      const convs = rows.filter((r) => r.type === 'Conv2D');
      expect(convs.map((r) => r.layer)).toEqual(CONV_LAYERS);
      const convParams = convs.reduce((sum, r) => sum + r.params, 0);
      expect(convParams).toBeGreaterThan(1.03e6);
      expect(convParams).toBeLessThan(1.05e6);
      expect(rows.at(-1)).toMatchObject({ layer: 'global_average_pooling2d_1', outputShape: [1000] });
      expect(rows.find((r) => r.layer === 'conv2d_1')?.outputShape).toEqual([224, 224, 16]);
      expect(rows.find((r) => r.layer === 'max_pooling2d_4')?.outputShape).toEqual([14, 14, 256]);
      expect(network.labels).toHaveLength(1000);
      expect((await network.predict(await decodeImageFile(photoPath('coffee.png')))).length).toBe(1000);
    });
  });
});

describe('Tiny Darknet classification', () => {
  const results: Record<string, Record<string, { label: string; probability: number }[]>> = { wasm: {}, cpu: {} };
  const photos = ['chelsea.png', 'coffee.png', 'motorcycle_left.png', 'astronaut.png'];

  beforeAll(async () => {
    for (const backend of ['wasm', 'cpu'] as const) {
      await onBackend(backend, async (network) => {
        for (const photo of photos)
          results[backend]![photo] = await network.classify(await decodeImageFile(photoPath(photo)), 5);
      });
    }
  });

  it('ranks a cat first for chelsea.png, espresso for coffee.png, a scooter or moped for motorcycle_left.png', () => {
    const first = (photo: string) => results.wasm![photo]![0]!.label;
    expect(CATS).toContain(first('chelsea.png'));
    expect(first('coffee.png')).toBe('espresso');
    expect(['motor scooter', 'moped']).toContain(first('motorcycle_left.png'));
  });

  it('gives the same top-5 on wasm and cpu', () => {
    for (const photo of photos) {
      const labels = (backend: string) => results[backend]![photo]!.map((p) => p.label);
      expect(labels('cpu'), photo).toEqual(labels('wasm'));
      results.cpu![photo]!.forEach((p, i) =>
        expect(p.probability).toBeCloseTo(results.wasm![photo]![i]!.probability, 4),
      );
    }
  });
});

describe('Tiny Darknet activations', () => {
  let wasm: LayerActivation[];
  let cpu: LayerActivation[];
  const layers = [...CONV_LAYERS, 'max_pooling2d_2', 'batch_normalization_5'];

  beforeAll(async () => {
    const pixels = await decodeImageFile(photoPath('chelsea.png'));
    wasm = await onBackend('wasm', (network) => network.activations(pixels, layers));
    cpu = await onBackend('cpu', (network) => network.activations(pixels, layers));
  });

  it('returns every requested layer with its shape', () => {
    expect(wasm.map((a) => a.layer)).toEqual(layers);
    expect(wasm[0]!.shape).toEqual([224, 224, 16]);
    expect(wasm[15]!.shape).toEqual([14, 14, 1000]);
    // Leaky ReLU keeps a tenth of negative values; the batch norm output (before it) goes 10x further negative.
    const post = valueRange(wasm[4]!.data);
    const pre = valueRange(wasm.at(-1)!.data);
    expect(post.min).toBeLessThan(0);
    expect(pre.min).toBeCloseTo(post.min * 10, 3);
  });

  it("agrees across wasm and cpu within 1e-3 of each layer's largest magnitude", () => {
    for (let i = 0; i < layers.length; i++) {
      const a = wasm[i]!;
      const b = cpu[i]!;
      const scale = maxMagnitude(a.data);
      let worst = 0;
      for (let j = 0; j < a.data.length; j++) worst = Math.max(worst, Math.abs(a.data[j]! - b.data[j]!));
      expect(worst / scale, a.layer).toBeLessThan(1e-3);
    }
  });

  it('matches tfjs-layers running the same model.json (batch norm folding, padding, pooling)', async () => {
    await initNodeBackend('wasm');
    const reference = await loadLayersModel(mirrorSource('tiny-darknet'));
    const network = await loadModel('tiny-darknet', { from: 'mirror' });
    const pixels = await decodeImageFile(photoPath('chelsea.png'));
    const names = ['leaky_re_lu_1', 'leaky_re_lu_9', 'batch_normalization_12', 'global_average_pooling2d_1'];
    const ours = await network.activations(pixels, names);
    const input = network.preprocess(pixels);
    const models = perLayerModels(reference, names);
    for (let i = 0; i < names.length; i++) {
      const out = models[i]!.predict(input) as tf.Tensor;
      const expected = await out.data();
      out.dispose();
      const scale = maxMagnitude(ours[i]!.data);
      let worst = 0;
      for (let j = 0; j < expected.length; j++) worst = Math.max(worst, Math.abs(expected[j]! - ours[i]!.data[j]!));
      expect(worst / scale, names[i]).toBeLessThan(1e-4);
    }
    input.dispose();
    reference.dispose();
    network.dispose();
  });
});
