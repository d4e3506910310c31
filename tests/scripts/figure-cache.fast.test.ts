/**
 * The precompute cache: the key changes when any input changes, an entry is reused when none does, writes
 * are atomic, and an entry whose files are gone is not trusted.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureMapsRecipe } from '../../src/figures/kinds/feature-maps/recipe.ts';
import { FigureCache, cacheKey, type CacheInputs } from '../../src/node/precompute/figure-cache.ts';
import { computeCodeHash, imageHash, weightsHash } from '../../scripts/lib/input-hashes.ts';

const recipe: FeatureMapsRecipe = {
  kind: 'feature-maps',
  model: 'tiny-darknet',
  layer: 'conv2d_1',
  image: 'images-photos/chelsea.png',
  resize: 'squash',
  channels: [0, 1],
  columns: 2,
};
let dir: string;
let base: CacheInputs;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'layerlens-cache-'));
  base = {
    recipe,
    engine: await computeCodeHash(),
    weights: weightsHash('tiny-darknet'),
    image: await imageHash('images-photos/chelsea.png'),
  };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cache key', () => {
  it('is stable for the same inputs, whatever the order of recipe fields', () => {
    const reordered = Object.fromEntries(Object.entries(recipe).reverse()) as unknown as FeatureMapsRecipe;
    expect(cacheKey({ ...base, recipe: reordered })).toBe(cacheKey(base));
  });

  it('changes when the recipe, the engine, the weights or the image change', async () => {
    const keys = [
      cacheKey(base),
      cacheKey({ ...base, recipe: { ...recipe, channels: [0, 2] } }),
      cacheKey({ ...base, recipe: { ...recipe, resize: 'center-crop' } }),
      cacheKey({ ...base, engine: `${base.engine}x` }),
      cacheKey({ ...base, weights: weightsHash('vgg19') }),
      cacheKey({ ...base, image: await imageHash('images-photos/coffee.png') }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('cache store', () => {
  const image = { width: 2, height: 1, rgba: new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 255, 255]) };
  const data = { kind: 'top-k' as const, predictions: [] };

  it('returns what was written, and nothing for an unknown key', async () => {
    const cache = new FigureCache(dir);
    const written = await cache.write('k1', { recipe, data, backend: 'wasm', ms: 5 }, image);
    expect(written.image).toMatchObject({ width: 2, height: 1, file: expect.stringMatching(/^[0-9a-f]{20}\.png$/) });
    expect(await cache.read('k1')).toEqual(written);
    expect(await cache.read('k2')).toBeNull();
  });

  it('names files by their content, so equal images are stored once', async () => {
    const cache = new FigureCache(dir);
    const a = await cache.write('k3', { recipe, data, backend: 'wasm', ms: 1 }, image);
    const b = await cache.write('k4', { recipe, data, backend: 'cpu', ms: 9 }, image);
    expect(a.image!.file).toBe(b.image!.file);
  });

  it('leaves no temporary file behind', async () => {
    const files = [...(await readdir(path.join(dir, 'files'))), ...(await readdir(path.join(dir, 'entries')))];
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not trust an entry whose image is gone (as after an interrupted run)', async () => {
    const cache = new FigureCache(dir);
    const other = { ...image, rgba: new Uint8ClampedArray([1, 2, 3, 255, 4, 5, 6, 255]) };
    const written = await cache.write('k5', { recipe, data, backend: 'wasm', ms: 1 }, other);
    await rm(path.join(cache.filesDir, written.image!.file));
    expect(await cache.read('k5')).toBeNull();
  });
});
