/**
 * The one compute path of attribution figures: the photo as the model sees it, the target resolved (the
 * photo's top class when the recipe follows it), each method's map drawn over the photo the same way.
 */
import {
  attribution,
  visual,
  type AttributionRun,
  type AttributionTarget,
  type MethodSpec,
  type Network,
  type RgbaImage,
} from '../../../engine/index.ts';
import type { ComputeRun, FigureInputs, Reads } from '../../contract/compute.ts';
import { PAGE_BACKGROUND, TILE_GAP } from '../atlas-style.ts';
import type { AttributionData, AttributionRecipeBase, PanelData, TargetData } from './recipe.ts';
import { methodSettings } from './labels.ts';

type Tensor4D = ReturnType<typeof attribution.modelView>;

/** The network, the photo as it sees it ([1, h, w, 3] in [0, 1], the caller disposes it) and the target. */
export interface Prepared {
  network: Network;
  rgb: Tensor4D;
  /** The photo's pixels at the model's size, [h, w, 3] in [0, 1]: what maps are drawn over. */
  photo: Float32Array;
  target: AttributionTarget;
  targetData: TargetData;
}

/** What an attribution figure reads: the whole model for class targets, else up to the target's layer. */
export function attributionReads(recipe: AttributionRecipeBase, extraLayers: string[] = []): Reads {
  const t = recipe.target;
  const layers = t.kind === 'channel' || t.kind === 'unit' ? [t.layer, ...extraLayers] : 'whole';
  return {
    models: { [recipe.model]: layers },
    images: [recipe.image],
    ...(t.kind === 'top-class' ? { analysis: { model: recipe.model, image: recipe.image, layers: [] } } : {}),
    gradients: true,
  };
}

export async function prepare(recipe: AttributionRecipeBase, inputs: FigureInputs): Promise<Prepared> {
  const network = await inputs.network(recipe.model);
  const pixels = await inputs.image(recipe.image);
  const rgb = attribution.modelView(network, pixels, recipe.resize);
  const photo = await rgb.data<'float32'>();
  const target = await resolveTarget(recipe, inputs);
  const [value] = await attribution.targetValues(network, target, rgb);
  const targetData: TargetData = {
    label: targetLabel(network, recipe, target),
    ...(target.kind === 'class' ? { classIndex: target.index } : {}),
    value: value!,
    measure: attribution.measureName(target),
  };
  return { network, rgb, photo, target, targetData };
}

async function resolveTarget(recipe: AttributionRecipeBase, inputs: FigureInputs): Promise<AttributionTarget> {
  const t = recipe.target;
  if (t.kind !== 'top-class') return t.kind === 'class' ? { kind: 'class', index: t.index } : t;
  const analysis = await inputs.analysis(recipe.model, recipe.image);
  const [top] = await analysis.predictions(1, recipe.resize);
  return { kind: 'class', index: top!.index };
}

function targetLabel(network: Network, recipe: AttributionRecipeBase, target: AttributionTarget): string {
  if (recipe.target.kind === 'class') return `${recipe.target.label} (class ${recipe.target.index})`;
  if (target.kind === 'class')
    return `${network.labels[target.index] ?? 'class'} (class ${target.index}, the top class)`;
  const where = target.kind === 'unit' ? ` at (${target.x}, ${target.y})` : '';
  return `${target.layer} channel ${target.index}${where}`;
}

/** One method's panel: its map over the photo and what the page says of it. */
export async function panel(
  prepared: Prepared,
  spec: MethodSpec,
  run: AttributionRun = {},
  network: Network = prepared.network,
): Promise<{ image: RgbaImage; data: PanelData; values: Float32Array }> {
  const result = await attribution.attribute(network, spec, prepared.target, prepared.rgb, run);
  return {
    image: drawMap(prepared, result.map),
    values: result.map.values,
    data: {
      method: spec.method,
      settings: methodSettings(spec),
      signed: result.map.signed,
      ...(result.completeness ? { completeness: result.completeness } : {}),
    },
  };
}

export function drawMap(prepared: Prepared, map: Parameters<typeof attribution.normaliseMap>[0]): RgbaImage {
  return visual.overlayMap(prepared.photo, attribution.normaliseMap(map), map.width, map.height, map.signed);
}

/** An atlas of panels, `columns` per row, placed as they finish (partial images stream to the page). */
export class PanelAtlas {
  readonly layout: ReturnType<typeof visual.atlasLayout>;
  readonly image: RgbaImage;

  constructor(count: number, size: number, columns: number) {
    this.layout = visual.atlasLayout(count, size, size, columns, TILE_GAP);
    this.image = visual.blankAtlas(this.layout, PAGE_BACKGROUND);
  }

  place(index: number, tile: RgbaImage): RgbaImage {
    return visual.placeTile(this.image, this.layout, index, tile);
  }

  data(target: TargetData, panels: PanelData[]): AttributionData {
    const { tileWidth, columns, rows, width, height } = this.layout;
    const palettes = { signed: visual.paletteGradient(true), unsigned: visual.paletteGradient(false) };
    return { target, panels, tileSize: tileWidth, columns, rows, width, height, palettes };
  }
}

/** The figure run as the engine's attribution run: cancel, progress, partial maps placed in the atlas. */
export function partialRun(
  run: ComputeRun,
  prepared: Prepared,
  atlas: PanelAtlas,
  index: number,
  /** The part of the figure's work this map is (a method among several). */
  share: [number, number] = [0, 1],
): AttributionRun {
  return {
    signal: run.signal,
    onPartial: async (map, done, total) => {
      run.onWork?.(share[0] + ((share[1] - share[0]) * done) / total);
      if (run.onPartial) await run.onPartial(atlas.place(index, drawMap(prepared, map)));
    },
  };
}
