/**
 * The five attribution figures through the author side and the one compute entry, on the real Tiny
 * Darknet: every tile drawn (build time has no partial-image callback), the target following the photo's
 * top class unless named, classes by name, and each figure's numbers in its data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileOrigin } from '../../../engine/visual/atlas-layout.ts';
import type { RgbaImage } from '../../../engine/index.ts';
import { initNodeBackend } from '../../../node/engine.ts';
import { nodeInputs } from '../../../node/figure-inputs.ts';
import { resolveComponent } from '../../../../tests/helpers/figures.ts';
import type { CachedInputs } from '../../inputs/cached-inputs.ts';
import { planLoads } from '../../inputs/load-plan.ts';
import { PROFILES } from '../../profiles.ts';
import { computeFigure } from '../../registry/compute.ts';
import type { Recipe } from '../../registry/types.ts';
import type { FaithfulnessData } from '../../kinds/faithfulness/recipe.ts';
import type { SanityCheckData } from '../../kinds/sanity-check/recipe.ts';
import type { AttributionData } from './recipe.ts';

function recipeOf(component: string, props: Record<string, unknown>): Recipe {
  const resolution = resolveComponent(component, props, 'chelsea.png', PROFILES.cpu);
  if (resolution.status !== 'ok') throw new Error(JSON.stringify(resolution));
  return resolution.recipe;
}

const recipes = {
  single: recipeOf('SaliencyMap', { method: 'grad-cam' }),
  named: recipeOf('SaliencyMap', { method: 'gradient', class: 'tabby' }),
  other: recipeOf('SaliencyMap', { method: 'gradient', image: 'coffee.png' }),
  compare: recipeOf('SaliencyMethods', { methods: ['gradient', 'integrated-gradients'], steps: 8 }),
  occlusion: recipeOf('OcclusionMap', { window: 112, stride: 112 }),
  sanity: recipeOf('SanityCheck', { methods: ['gradient', 'guided-backprop'], depth: 1 }),
  faithfulness: recipeOf('FaithfulnessCurves', { methods: ['gradient', 'grad-cam'], stepShare: 0.25 }),
};
let inputs: CachedInputs;

/** Distinct colours in each tile: a blank tile (the page background) has one. */
function coloursPerTile(image: RgbaImage, data: AttributionData): number[] {
  const layout = { ...data, tileWidth: data.tileSize, tileHeight: data.tileSize, gap: 2 };
  return Array.from({ length: data.columns * data.rows }, (_, i) => {
    const [x0, y0] = tileOrigin(layout, i);
    const seen = new Set<number>();
    for (let y = 0; y < data.tileSize; y += 7)
      for (let x = 0; x < data.tileSize; x += 7) {
        const at = ((y0 + y) * data.width + x0 + x) * 4;
        seen.add((image.rgba[at]! << 16) | (image.rgba[at + 1]! << 8) | image.rgba[at + 2]!);
      }
    return seen.size;
  });
}

beforeAll(async () => {
  await initNodeBackend('wasm');
  inputs = nodeInputs(planLoads(Object.values(recipes)), 'mirror');
});
afterAll(() => inputs.dispose());

describe('attribution figures', () => {
  it("explain the photo's top class unless a class is named, by index or by name", async () => {
    const single = (await computeFigure(recipes.single, inputs)).data as AttributionData;
    expect(single.target).toMatchObject({ label: 'Egyptian cat (class 7, the top class)', classIndex: 7 });
    expect(single.target.value).toBeCloseTo(0.631, 3);
    const named = (await computeFigure(recipes.named, inputs)).data as AttributionData;
    expect(named.target).toMatchObject({ label: 'tabby (class 173)', classIndex: 173, measure: 'probability' });
    const other = (await computeFigure(recipes.other, inputs)).data as AttributionData;
    expect(other.target.label).toBe('espresso (class 946, the top class)');
  });

  it('draw every map, with the completeness of Integrated Gradients', async () => {
    const result = await computeFigure(recipes.compare, inputs);
    const data = result.data as AttributionData;
    expect(data.panels.map((p) => [p.method, p.signed])).toEqual([
      ['gradient', false],
      ['integrated-gradients', true],
    ]);
    expect(data.panels[1]!.completeness).toMatchObject({ relative: true });
    expect(coloursPerTile(result.image!, data).every((n) => n > 20)).toBe(true);
  });

  it("occlusion's single tile is drawn and signed", async () => {
    const result = await computeFigure(recipes.occlusion, inputs);
    const data = result.data as AttributionData;
    expect(data.panels[0]).toMatchObject({
      method: 'occlusion',
      signed: true,
      settings: '112 px grey patch, stride 112',
    });
    expect(coloursPerTile(result.image!, data)[0]).toBeGreaterThan(20);
  });

  it('sanity check: one row per method, one column per step, rho 1 for the original', async () => {
    const result = await computeFigure(recipes.sanity, inputs);
    const data = result.data as SanityCheckData;
    expect(data.layers).toEqual(['original', 'conv2d_16']);
    expect([data.columns, data.rows]).toEqual([2, 2]);
    expect(data.rho.map((row) => row[0])).toEqual([1, 1]);
    expect(data.rho[1]![1]).toBeGreaterThan(data.rho[0]![1]!);
    expect(coloursPerTile(result.image!, data).every((n) => n > 20)).toBe(true);
  });

  it('faithfulness: both curves per method start and end where the protocol says', async () => {
    const result = await computeFigure(recipes.faithfulness, inputs);
    const data = result.data as FaithfulnessData;
    for (const curve of data.curves) {
      expect(curve.deletion).toHaveLength(5);
      expect(curve.deletion[0]).toBeCloseTo(data.target.value, 5);
      expect(curve.insertion.at(-1)).toBeCloseTo(data.target.value, 5);
      expect(curve.deletionAuc).toBeGreaterThan(0);
    }
  });
});
