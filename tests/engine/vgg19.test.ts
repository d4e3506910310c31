/**
 * Partial loading on VGG19: the mirror holds blocks 1-3 only. Layers up to block3_conv4 load and run;
 * block4_conv1 fails naming the missing files and the fetch command; with every conv shard present, every
 * conv layer loads. Also checks Keras "caffe" preprocessing (BGR, mean subtracted, 0-255).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mkdtemp, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/engine/index.ts';
import { gatys, MissingWeightsError, valueRange } from '../../src/engine/testing.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { describeFailure } from '../../src/node/failure.ts';
import { FolderSource, mirrorSource } from '../../src/node/fs-source.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { getPack, modelSpec } from '../../src/registry/index.ts';
import { photoPath } from '../helpers/images.ts';

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('VGG19 from the partial mirror', () => {
  it('loads and runs every layer up to block3_conv4', async () => {
    const network = await loadModel('vgg19', { from: 'mirror', upTo: ['block3_conv4'] });
    const acts = await network.activations(await decodeImageFile(photoPath('chelsea.png')), [
      'block1_conv1',
      'block3_conv4',
    ]);
    expect(acts.map((a) => a.shape)).toEqual([
      [224, 224, 64],
      [56, 56, 256],
    ]);
    expect(valueRange(acts[1]!.data).min).toBe(0); // ReLU output
    expect(valueRange(acts[1]!.data).max).toBeGreaterThan(0);
    expect(network.availableLayers).toContain('block3_pool');
    expect(network.availableLayers).not.toContain('block4_conv1');
    network.dispose();
  });

  it('refuses block4_conv1 with the missing files and the fetch command', async () => {
    const error = await loadModel('vgg19', { from: 'mirror', upTo: ['block4_conv1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingWeightsError);
    const message = (error as Error).message;
    expect(message).toContain('group9-shard1of2');
    expect(message).toContain('group9-shard2of2');
    expect(message).toContain('block4_conv1');
    expect(describeFailure(error)).toContain('Fix: fetch the model: npm run models -- vgg19');
    expect(tf.memory().numTensors).toBe(0);
  });

  it('refuses an unknown layer with the list of valid ones', async () => {
    await expect(loadModel('vgg19', { from: 'mirror', upTo: ['block3_conv5'] })).rejects.toThrow(
      /no layer "block3_conv5". Valid layers: .*block3_conv4/,
    );
  });

  it('applies caffe preprocessing: BGR order, ImageNet mean subtracted, 0-255 range', async () => {
    const network = await loadModel('vgg19', { from: 'mirror', upTo: ['block1_conv1'] });
    const pixels = { width: 1, height: 1, channels: 3 as const, data: new Uint8Array([200, 100, 50]) };
    const input = network.preprocess(pixels, { size: { width: 1, height: 1 } });
    const values = Array.from(await input.data());
    input.dispose();
    network.dispose();
    [50 - 103.939, 100 - 116.779, 200 - 123.68].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 3));
  });
});

describe('VGG19 with every conv shard present', () => {
  let folder: string;

  beforeAll(async () => {
    // Stand-in for the upstream blocks 4-5: real blocks 1-3 linked from the mirror, sparse zero-filled
    // shards of the registered sizes for the rest (the dense layers are left out: 500 MB of fc weights).
    folder = await mkdtemp(path.join(tmpdir(), 'layerlens-vgg19-'));
    const source = mirrorSource('vgg19');
    const present = new Set(await readdir(source.location));
    for (const file of getPack('vgg19').files) {
      const target = path.join(folder, file.path);
      if (present.has(file.path)) await symlink(path.join(source.location, file.path), target);
      else if (/group(9|1[0-6])-/.test(file.path)) {
        await writeFile(target, '');
        await truncate(target, file.bytes);
      }
    }
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('loads and runs block5_conv4', async () => {
    const network = await load(modelSpec('vgg19'), new FolderSource(folder), { upTo: ['block5_pool'] });
    const acts = await network.activations(await decodeImageFile(photoPath('coffee.png')), [
      'block3_conv4',
      'block5_conv4',
      'block5_pool',
    ]);
    expect(acts.map((a) => a.shape)).toEqual([
      [56, 56, 256],
      [14, 14, 512],
      [7, 7, 512],
    ]);
    expect(valueRange(acts[0]!.data).max).toBeGreaterThan(0);
    network.dispose();
  });

  it('runs Gatys style transfer with content from block4_conv2 and style up to block5_conv1', async () => {
    const network = await load(modelSpec('vgg19'), new FolderSource(folder), { upTo: ['block5_conv1'] });
    const [photo, painting] = await Promise.all([
      decodeImageFile(photoPath('coffee.png')),
      decodeImageFile(photoPath('chelsea.png')),
    ]);
    const styleLayers = ['block1_conv1', 'block3_conv1', 'block5_conv1'].map((layer) => ({ layer, weight: 1 }));
    const result = await gatys(
      network,
      photo,
      painting,
      { width: 48, height: 32 },
      { contentLayer: 'block4_conv2', styleLayers, iterations: 2 },
    );
    expect([result.image.width, result.image.height]).toEqual([48, 32]);
    // The stand-in blocks 4-5 are zeros: their terms vanish while block 1-3 style still pulls the image.
    expect(result.loss.content).toBe(0);
    expect(result.loss.style).toBeGreaterThan(0);
    network.dispose();
  });
});
