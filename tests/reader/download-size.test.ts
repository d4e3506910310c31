/**
 * (Not a fast test: it reads model.json from the store.) The photo button's download size: the engine's parts for the backend the browser will start, the
 * gradients only where figures take them, each model's weights as the load plan reads them (model.json,
 * labels and the shards up to the deepest layer, sized from the registry), and the words around the number.
 */
import { describe, expect, it } from 'vitest';
import {
  download,
  downloadText,
  formatBytes,
  likelyBackend,
  modelsUsed,
  type EngineBytes,
} from '../../src/client/download-size.ts';
import { modelDownloads } from '../../src/node/model-downloads.ts';
import { getModel } from '../../src/registry/index.ts';

const ENGINE: EngineBytes = {
  core: 400_000,
  webgpu: 380_000,
  webgl: 300_000,
  wasm: 560_000,
  cpu: 90_000,
  gradients: 37_000,
};

describe('the download the photo button announces', () => {
  it('adds the engine core, the backend the browser will start, the gradients when needed, and the weights', () => {
    const weights = [{ id: 'tiny-darknet', name: 'Tiny Darknet', bytes: 3_000_000 }];
    expect(download(ENGINE, 'wasm', false, weights).bytes).toBe(3_960_000);
    expect(download(ENGINE, 'webgpu', true, weights).bytes).toBe(3_817_000);
    expect(download(null, 'wasm', false, weights).bytes).toBeNull();
  });

  it('names what it downloads, with the number when the build measured the engine', () => {
    const two = [
      { id: 'tiny-darknet', name: 'Tiny Darknet', bytes: 4_239_661 },
      { id: 'vgg19', name: 'VGG19', bytes: 1_000 },
    ];
    expect(downloadText(download(ENGINE, 'wasm', false, two.slice(0, 1)))).toBe(
      "downloads 5.2 MB: the engine and Tiny Darknet's weights",
    );
    expect(downloadText(download(ENGINE, 'wasm', false, two))).toBe(
      "downloads 5.2 MB: the engine and Tiny Darknet's and VGG19's weights",
    );
    expect(downloadText(download(null, 'wasm', false, []))).toBe('downloads the engine');
    // Several models of one family are counted: the style article's button names two owners, not ten.
    const styles = ['La Muse', 'Udnie', 'The Scream'].map((style, i) => ({
      id: `fast-style-${i}`,
      name: `Fast style transfer: ${style}`,
      bytes: 1,
    }));
    expect(download(null, 'wasm', false, [two[1]!, ...styles]).what).toBe(
      "the engine and VGG19's and 3 fast style transfer networks' weights",
    );
    expect(download(null, 'wasm', false, styles.slice(0, 1)).what).toBe(
      "the engine and Fast style transfer: La Muse's weights",
    );
    expect(formatBytes(850_400)).toBe('850 kB');
    expect(formatBytes(120)).toBe('1 kB');
  });

  it('counts only the models a recomputed recipe names', () => {
    const models = [
      { id: 'tiny-darknet', name: 'Tiny Darknet', bytes: 10 },
      { id: 'tiny-vgg', name: 'Tiny VGG', bytes: 20 },
    ];
    const recipes = [
      '{"kind":"input-photo","image":"images-photos/chelsea.png"}',
      '{"kind":"top-k","model":"tiny-vgg"}',
    ];
    expect(modelsUsed(models, recipes).map((m) => m.id)).toEqual(['tiny-vgg']);
    expect(modelsUsed(models, recipes.slice(0, 1))).toEqual([]);
  });

  it('expects the backend asked for, else WebGPU where the browser has it, else wasm', () => {
    expect(likelyBackend('cpu', true)).toBe('cpu');
    expect(likelyBackend('auto', true)).toBe('webgpu');
    expect(likelyBackend('auto', false)).toBe('wasm');
  });
});

describe("a page's weights, from the load plan and the registry", () => {
  const tiny = getModel('tiny-darknet');
  const size = (path: string) => tiny.files.find((f) => f.path === path)!.bytes;
  const total = tiny.files.reduce((sum, f) => sum + f.bytes, 0);

  it('reads model.json, the labels and only the shards up to the deepest layer', () => {
    const [first] = modelDownloads({ 'tiny-darknet': ['conv2d_1'] });
    expect(first!.name).toBe('Tiny Darknet');
    // conv2d_1's conv and batch norm: more than the two JSON files, far less than the model.
    expect(first!.bytes).toBeGreaterThan(size('model.json') + size('labels.txt'));
    expect(first!.bytes).toBeLessThan(total / 10);
    const [deeper] = modelDownloads({ 'tiny-darknet': ['conv2d_1', 'conv2d_8'] });
    expect(deeper!.bytes).toBeGreaterThan(first!.bytes);
    expect(modelDownloads({ 'tiny-darknet': 'whole' })[0]!.bytes).toBe(total);
  });
});
