/**
 * Style figures' props: the build profile caps size and iterations (and the recipe says which columns it
 * dropped), mistakes name the valid choices, unpublishable paintings are refused, deeper VGG19 layers
 * wait for their weights.
 */
import { describe, expect, it } from 'vitest';
import { resolveComponent } from '../helpers/figures.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import { costOf } from '../../src/figures/registry/authoring.ts';
import { readsOf } from '../../src/figures/registry/compute.ts';

const rows = [['block1_conv1'], ['block1_conv1', 'block2_conv1']];

describe('style figure props', () => {
  it("caps a grid's size and iterations by the build profile and records the dropped columns", () => {
    const cpu = resolveComponent('StyleGrid', { style: 'styles/starrynight.jpg', rows }, 'chicago.jpg', PROFILES.cpu);
    const gpu = resolveComponent('StyleGrid', { style: 'styles/starrynight.jpg', rows }, 'chicago.jpg', PROFILES.gpu);
    expect(cpu).toMatchObject({
      status: 'ok',
      recipe: {
        kind: 'style-grid',
        model: 'vgg19',
        image: 'images-photos/chicago.jpg',
        style: 'images-styles/starrynight.jpg',
        maxSide: 128,
        iterations: [10, 100],
        droppedIterations: [1000],
        contentLayer: 'block3_conv2',
        contentWeight: 1e4,
        styleWeight: 1e-2,
        tvWeight: 30,
        profile: 'cpu',
      },
    });
    expect(gpu).toMatchObject({
      status: 'ok',
      recipe: { maxSide: 384, iterations: [10, 100, 1000], droppedIterations: [], profile: 'gpu' },
    });
  });

  it('turns ratios into content weights against the fixed style weight', () => {
    const result = resolveComponent(
      'StyleSweep',
      { style: 'styles/wave.jpg', ratios: [1e3, 1e5] },
      'chicago.jpg',
      PROFILES.cpu,
    );
    expect(result).toMatchObject({
      status: 'ok',
      recipe: {
        kind: 'style-sweep',
        styleWeight: 1e-2,
        iterations: 100,
        styleLayers: ['block1_conv1', 'block2_conv1', 'block3_conv1'],
      },
    });
    const weights = result.status === 'ok' && result.recipe.kind === 'style-sweep' ? result.recipe.contentWeights : [];
    expect(weights[0]).toBeCloseTo(10, 10);
    expect(weights[1]).toBeCloseTo(1000, 8);
  });

  it('names every model, layer and image a style recipe depends on', () => {
    const fast = resolveComponent('FastStyle', { styles: ['wave', 'udnie'] }, 'chicago.jpg', PROFILES.cpu);
    expect(fast).toMatchObject({
      status: 'ok',
      recipe: { kind: 'fast-style', styles: ['fast-style-wave', 'fast-style-udnie'], maxSide: 256 },
    });
    if (fast.status !== 'ok') throw new Error('unreachable');
    expect(Object.keys(readsOf(fast.recipe).models)).toEqual(['fast-style-wave', 'fast-style-udnie']);
    const all = resolveComponent('FastStyle', {}, 'chicago.jpg', PROFILES.cpu);
    expect(all.status === 'ok' && Object.keys(readsOf(all.recipe).models)).toHaveLength(9);
    const panel = resolveComponent('GatysPanel', { style: 'styles/wave.jpg' }, 'chicago.jpg', PROFILES.cpu);
    expect(panel.status === 'ok' && Object.keys(readsOf(panel.recipe).models)).toEqual(['vgg19']);
    const grid = resolveComponent('StyleGrid', { style: 'styles/wave.jpg', rows }, 'chicago.jpg', PROFILES.cpu);
    if (grid.status !== 'ok') throw new Error('grid did not resolve');
    expect(readsOf(grid.recipe).images).toEqual(['images-photos/chicago.jpg', 'images-styles/wave.jpg']);
    expect(new Set(readsOf(grid.recipe).models.vgg19)).toEqual(
      new Set(['block3_conv2', 'block1_conv1', 'block2_conv1']),
    );
    // The grid runs two rows to 100 iterations: it must cost far more than a fast-style figure.
    expect(costOf(grid.recipe)).toBeGreaterThan(50 * costOf(fast.recipe));
  });

  it.each([
    ['StyleGrid', { style: 'styles/la_muse.jpg', rows }, /image "styles\/la_muse\.jpg" may not be published/],
    ['GatysPanel', { style: 'styles/rain_princess.jpg' }, /image "styles\/rain_princess\.jpg" may not be published/],
    [
      'StyleGrid',
      { style: 'styles/wave.jpg', rows: [['block9_conv1']] },
      /unknown layer "block9_conv1" for model vgg19 \(did you mean "block1_conv1"\?\); valid layers: block1_conv1, block1_conv2/,
    ],
    ['StyleSweep', { style: 'styles/wave.jpg', contentLayer: 'block1_pool' }, /unknown layer "block1_pool"/],
    ['GramMatrix', { style: 'styles/wave.jpg', layer: 'block1_conv1', channels: 65 }, /prop "channels"/],
    ['FastStyle', { styles: ['starry'] }, /prop "styles.0"/],
    ['StyleGrid', { style: 'styles/missing.jpg', rows }, /unknown image "styles\/missing\.jpg"/],
    [
      'StyleGrid',
      { style: 'styles/wave.jpg', rows: [['block5_conv1']] },
      /layer block5_conv1 of vgg19 needs weight files that are not fetched .*npm run models -- vgg19/,
    ],
  ] as const)('%s %j is refused', (component, props, message) => {
    const result = resolveComponent(component, props as Record<string, unknown>, 'chicago.jpg', PROFILES.cpu);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.problems.join('\n')).toMatch(message);
  });

  it('waits for the full VGG19 when the author allows it', () => {
    const result = resolveComponent(
      'StyleGrid',
      { style: 'styles/wave.jpg', contentLayer: 'block4_conv2', rows: [['block1_conv1']], whenFetched: true },
      'chicago.jpg',
      PROFILES.cpu,
    );
    expect(result).toMatchObject({ status: 'not-fetched', model: 'vgg19', layer: 'block4_conv2' });
  });

  it('says which style, painting or method a misspelt name meant', () => {
    const fast = resolveComponent('FastStyle', { styles: ['scraem'] }, 'chicago.jpg', PROFILES.cpu);
    expect(fast.status === 'invalid' && fast.problems[0]).toMatch(/prop "styles\.0": .* \(did you mean "scream"\?\)$/);
    const grid = resolveComponent(
      'StyleGrid',
      { style: 'styles/starynight.jpg', rows: [['block1_conv1']] },
      'chicago.jpg',
      PROFILES.cpu,
    );
    expect(grid.status === 'invalid' && grid.problems[0]).toMatch(/did you mean "styles\/starrynight\.jpg"/);
    const map = resolveComponent('SaliencyMap', { method: 'grad-camm' }, 'chicago.jpg', PROFILES.cpu);
    expect(map.status === 'invalid' && map.problems[0]).toMatch(/\(did you mean "grad-cam"\?\)$/);
  });
});
