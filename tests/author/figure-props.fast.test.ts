/**
 * Author props: every mistake fails with the valid choices; the scan reports file and line; defaults
 * resolve to a complete recipe.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveComponent } from '../helpers/figures.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import { PROJECT_ROOT } from '../../src/node/paths.ts';
import { collectFigures } from '../../src/node/precompute/collect-figures.ts';

// The fixture's own images (content/images/) are the fixture content folder's.
process.env.LAYERLENS_CONTENT = 'tests/fixtures/basic/content';

describe('figure props', () => {
  it('resolves defaults: the article photo, every channel, a near-square grid', () => {
    const result = resolveComponent('FeatureMapGrid', { layer: 'conv2d_1' }, 'chelsea.png', PROFILES.cpu);
    expect(result).toEqual({
      status: 'ok',
      recipe: {
        kind: 'feature-maps',
        model: 'tiny-darknet',
        layer: 'conv2d_1',
        image: 'images-photos/chelsea.png',
        resize: 'squash',
        channels: [...Array(16).keys()],
        columns: 4,
      },
      follows: true,
    });
  });

  it.each([
    [
      'FeatureMapGrid',
      { layer: 'conv2d_99' },
      /unknown layer "conv2d_99" for model tiny-darknet \(did you mean "conv2d_9"\?\); valid layers: conv2d_1, conv2d_2/,
    ],
    [
      'FeatureMapGrid',
      { model: 'resnet50', layer: 'conv1' },
      /unknown model "resnet50"; valid models: tiny-darknet, tiny-vgg, vgg19/,
    ],
    [
      'TopK',
      { image: 'unicorn.jpg' },
      /unknown image "unicorn.jpg"; valid images: .*chelsea\.png.*textures\/brick\.png/,
    ],
    [
      'TopK',
      { image: 'styles/la_muse.jpg' },
      /image "styles\/la_muse\.jpg" may not be published \(its rights are not cleared\)/,
    ],
    [
      'FeatureMapGrid',
      { layer: 'conv2d_1', channels: [3, 16] },
      /channel 16 does not exist in conv2d_1 of tiny-darknet; valid channels: 0-15/,
    ],
    [
      'FilterGallery',
      { layer: 'conv2d_1', colums: 4 },
      /unknown prop "colums" \(did you mean "columns"\?\); valid props: model, layer, columns, whenFetched/,
    ],
    ['TopK', { image: 'dog.jpeg' }, /unknown image "dog\.jpeg" \(did you mean "dog\.jpg"\?\); valid images: /],
    [
      'FeatureMapGrid',
      { model: 'tiny-darknt', layer: 'conv2d_1' },
      /unknown model "tiny-darknt" \(did you mean "tiny-darknet"\?\)/,
    ],
    [
      'FeatureMapGrid',
      { layer: 'conv2d_1', channels: '1,2,3' },
      /prop "channels": .*; write arrays as JSON in braces, e\.g\. channels=\{\[0, 1, 2\]\}/,
    ],
    [
      'FeatureMapGrid',
      { layer: 'conv2d_1', columns: 'four' },
      /prop "columns": .*; write numbers in braces, e\.g\. columns=\{4\}/,
    ],
    [
      'FeatureMapGrid',
      { layer: 'conv2d_1', whenFetched: 'yes' },
      /prop "whenFetched": .*; write whenFetched alone for true, or whenFetched=\{false\}/,
    ],
    ['FilterGallery', { layer: 'max_pooling2d_1' }, /unknown layer "max_pooling2d_1" .*valid layers: conv2d_1/],
    ['DreamGallery', { layer: 'batch_normalization_5', channels: [0] }, /unknown layer "batch_normalization_5"/],
    [
      'FeatureMapGrid',
      { layer: 'batch_normalisation_5' },
      /did you mean "batch_normalization_5"\?.*and each conv unit's batch_normalization_N, its value before the non-linearity/,
    ],
    ['FeatureMapGrid', { layer: 'conv2d_1', resize: 'stretch' }, /prop "resize"/],
    ['KernelPlayground', { kernel: 'sobel_x' }, /prop "kernel": .* \(did you mean "sobel-x"\?\)/],
    ['KernelPlayground', { kernels: ['identity', 'box_blur'] }, /prop "kernels\.1": .* \(did you mean "box-blur"\?\)/],
    [
      'KernelPlayground',
      { kernels: ['identity', 'box-blur'], kernel: 'sharpen' },
      /prop "kernel": the starting kernel must be one of the offered kernels/,
    ],
    [
      'KernelPlayground',
      { layer: 'conv2d_2' },
      /layer conv2d_2 does not read the photo: .* tiny-darknet's first conv layer, conv2d_1/,
    ],
    [
      'KernelPlayground',
      { channel: 16 },
      /channel 16 does not exist in conv2d_1 of tiny-darknet; valid channels: 0-15/,
    ],
    [
      'FeatureMapGrid',
      { model: 'vgg19', layer: 'block5_conv1' },
      /needs weight files that are not fetched .*npm run models -- vgg19/,
    ],
  ] as const)('%s %j is refused', (component, props, message) => {
    const result = resolveComponent(component, props as Record<string, unknown>, 'chelsea.png', PROFILES.cpu);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.problems.join('\n')).toMatch(message);
  });

  it('starts a kernel playground on Sobel x when offered, else on the first kernel offered', () => {
    const kernel = (props: Record<string, unknown>) => {
      const result = resolveComponent('KernelPlayground', props, 'chelsea.png', PROFILES.cpu);
      return result.status === 'ok' && 'kernels' in result.recipe ? result.recipe : result;
    };
    expect(kernel({})).toMatchObject({
      kernel: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
      kernels: ['identity', 'box-blur', 'sharpen', 'sobel-x', 'sobel-y'],
      layer: 'conv2d_1',
      channel: 0,
      image: 'images-photos/chelsea.png',
    });
    expect(kernel({ kernels: ['sharpen', 'identity'] })).toMatchObject({ kernel: [0, -1, 0, -1, 5, -1, 0, -1, 0] });
    expect(kernel({ kernel: 'identity' })).toMatchObject({ kernel: [0, 0, 0, 0, 1, 0, 0, 0, 0] });
  });

  it("follows the reader's photo when it shows the article's, unless pinned; another image stays unless it follows", () => {
    const follows = (props: Record<string, unknown>) => {
      const result = resolveComponent('TopK', props, 'chelsea.png', PROFILES.cpu);
      return result.status === 'ok' ? result.follows : result;
    };
    expect(follows({})).toBe(true);
    expect(follows({ image: 'chelsea.png' })).toBe(true);
    expect(follows({ follows: false })).toBe(false);
    expect(follows({ image: 'dog.jpg' })).toBe(false);
    expect(follows({ image: 'dog.jpg', follows: true })).toBe(true);
    expect(follows({ follows: 'no' })).toMatchObject({ problems: [expect.stringMatching(/follows=\{false\} to pin/)] });
    const dream = resolveComponent(
      'DreamGallery',
      { layer: 'conv2d_2', channels: [0], follows: false },
      'chelsea.png',
      PROFILES.cpu,
    );
    expect(dream).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/shows no photo/)] });
  });

  it('takes a name for links, checked as an id', () => {
    const named = resolveComponent('TopK', { name: 'cat-guesses' }, 'chelsea.png', PROFILES.cpu);
    expect(named).toMatchObject({ status: 'ok', name: 'cat-guesses' });
    const bad = resolveComponent('TopK', { name: 'Cat guesses' }, 'chelsea.png', PROFILES.cpu);
    expect(bad).toMatchObject({ status: 'invalid', problems: [expect.stringMatching(/e\.g\. name="cat-grid"/)] });
  });

  it("takes a conv unit's batch-norm name for its value before the non-linearity, as the README says", () => {
    const result = resolveComponent('FeatureMapGrid', { layer: 'batch_normalization_5' }, 'chelsea.png', PROFILES.cpu);
    expect(result).toMatchObject({
      status: 'ok',
      recipe: { layer: 'batch_normalization_5', channels: expect.any(Array) },
    });
    const unit = resolveComponent('FeatureMapGrid', { layer: 'conv2d_5' }, 'chelsea.png', PROFILES.cpu);
    const channels = (r: typeof result) => (r.status === 'ok' && 'channels' in r.recipe ? r.recipe.channels : []);
    expect(channels(result)).toEqual(channels(unit)); // the same unit, before and after its leaky ReLU
  });

  it('leaves out a figure whose weights are not fetched when the author allows it', () => {
    const result = resolveComponent(
      'FeatureMapGrid',
      { model: 'vgg19', layer: 'block4_conv1', whenFetched: true },
      'chelsea.png',
      PROFILES.cpu,
    );
    expect(result).toMatchObject({
      status: 'not-fetched',
      model: 'vgg19',
      layer: 'block4_conv1',
      hint: expect.stringContaining('npm run models -- vgg19'),
    });
  });
});

describe('scanning articles', () => {
  it('reports each broken figure with its file and line', async () => {
    const collected = await collectFigures(
      PROFILES.cpu,
      path.join(PROJECT_ROOT, 'tests/fixtures/invalid/content/articles'),
    );
    const file = 'tests/fixtures/invalid/content/articles/broken.mdx';
    const expected = [
      [`${file}:7:1: <FeatureMapGrid> unknown layer "conv2d_99"`],
      [`${file}:9:1: <FeatureMapGrid> unknown model "resnet50"`],
      [`${file}:11:1: <TopK> unknown image "unicorn.jpg"`],
      [`${file}:13:1: <FeatureMapGrid> channel 16 does not exist`],
      [`${file}:15:1: <FilterGallery> unknown prop "colums"`],
      [`${file}:17:1: <FeatureMapGrid> prop "layer" must be a literal`],
      [`${file}:19:1: <FeatureMapGrid> layer block5_conv1 of vgg19 needs weight files that are not fetched`],
      [`${file}:21:1: <TopK> image "styles/la_muse.jpg" may not be published`],
    ];
    for (const [start] of expected)
      expect(
        collected.problems.some((p) => p.startsWith(start!)),
        start,
      ).toBe(true);
  });

  it("collects the fixture article's figures as unique recipes", async () => {
    const collected = await collectFigures(
      PROFILES.cpu,
      path.join(PROJECT_ROOT, 'tests/fixtures/basic/content/articles'),
    );
    expect(collected.problems).toEqual([]);
    expect(collected.recipes.size).toBe(49); // 8 in fixture.mdx, 4 in dreams.mdx, 5 in style.mdx, 7 in attribution.mdx, 3 in last-layer.mdx, 5 in own-images.mdx, 6 in filter.mdx, 3 in overview.mdx, 7 in arithmetic.mdx, 1 in kernels.mdx; vocabulary.mdx reuses two
    expect(collected.notFetched).toEqual([
      expect.stringContaining('fixture.mdx:19:1: <FeatureMapGrid> vgg19/block4_conv1'),
      expect.stringContaining('style.mdx:17:1: <StyleGrid> vgg19/block4_conv2'),
    ]);
  });
});

describe('dream figure props', () => {
  it('takes size, steps and the number of units from the build profile', () => {
    const channels = [1, 2, 3, 4, 5, 6];
    const cpu = resolveComponent('DreamGallery', { layer: 'conv2d_6', channels }, 'chelsea.png', PROFILES.cpu);
    expect(cpu).toMatchObject({
      status: 'ok',
      recipe: { kind: 'dream-gallery', size: 80, steps: 64, channels: [1, 2, 3, 4], profile: 'cpu', seed: 0 },
    });
    const gpu = resolveComponent('DreamGallery', { layer: 'conv2d_6', channels }, 'chelsea.png', PROFILES.gpu);
    expect(gpu).toMatchObject({ status: 'ok', recipe: { size: 224, steps: 512, channels, profile: 'gpu' } });
    const fixed = resolveComponent(
      'NaiveVsRecipe',
      { layer: 'conv2d_6', channel: 8, size: 48, steps: 10, seed: 3 },
      'chelsea.png',
      PROFILES.gpu,
    );
    expect(fixed).toMatchObject({ status: 'ok', recipe: { kind: 'dream-compare', size: 48, steps: 10, seed: 3 } });
  });

  it.each([
    [
      'DreamGallery',
      { layer: 'conv2d_6', channels: [200] },
      /channel 200 does not exist in conv2d_6 of tiny-darknet; valid channels: 0-127/,
    ],
    ['DreamGallery', { layer: 'max_pooling2d_1', channels: [0] }, /unknown layer "max_pooling2d_1"/],
    ['ClassDream', { classes: [1000] }, /class 1000 does not exist in tiny-darknet; valid classes: 0-999/],
    ['ClassDream', { model: 'tiny-vgg', classes: [1] }, /outputs probabilities \(a softmax\)/],
    ['DeepDream', { layer: 'conv2d_8', image: 'nope.png' }, /unknown image "nope\.png"/],
  ] as const)('%s %j is refused', (component, props, message) => {
    const result = resolveComponent(component, props as Record<string, unknown>, 'chelsea.png', PROFILES.cpu);
    expect(result.status === 'invalid' && result.problems.join('\n')).toMatch(message);
  });
});
