/** Recipe and data parts every attribution figure shares. Plain JSON: recipes travel to the cache and the worker. */
import type { Completeness, MethodName, MethodSpec } from '../../../engine/index.ts';
import type { PhotoRecipeBase } from '../recipe-parts.ts';

/** What the maps explain. 'top-class' follows the photo: a reader's photo re-targets the figure. */
export type TargetRecipe =
  | { kind: 'top-class' }
  | { kind: 'class'; index: number; label: string }
  | { kind: 'channel'; layer: string; index: number }
  | { kind: 'unit'; layer: string; index: number; x: number; y: number };

export interface AttributionRecipeBase extends PhotoRecipeBase {
  target: TargetRecipe;
  /** Build profile that capped samples, steps and depth ('gpu' or 'cpu'), for the recipe card. */
  profile: string;
}

/** One map as the page labels it. */
export interface PanelData {
  method: MethodName;
  /** The method's settings as the figure states them ("25 samples, noise 15%"). */
  settings: string;
  signed: boolean;
  /** Integrated Gradients: attributions' sum against F(x) - F(baseline). */
  completeness?: Completeness;
}

/** What the target resolved to for this photo. */
export interface TargetData {
  /** "tabby (class 281)", "conv2d_10 channel 3". */
  label: string;
  /** The class, for class targets (the photo's top class when the recipe follows it). */
  classIndex?: number;
  /** The target's value for the photo: a class's probability, a channel's mean activation. */
  value: number;
  /** What `value` is ("probability", "mean activation"). */
  measure: string;
}

/** The figure's image: tiles of `tileSize` px, `columns` per row, as `atlas-layout` places them. */
export interface AttributionData {
  target: TargetData;
  panels: PanelData[];
  tileSize: number;
  columns: number;
  rows: number;
  width: number;
  height: number;
  /** The colour bars' CSS gradients, from the engine's palettes (the page draws them in HTML). */
  palettes: { signed: string; unsigned: string };
}

/** The methods' specs, as recipes carry them (the engine's own type). */
export type { MethodSpec };
