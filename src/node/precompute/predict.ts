/**
 * Predicted seconds of precompute work on this kind of machine, for the progress bar's ETA. A kind's
 * `cost()` ranks its own recipes (more steps, more classes, a bigger image), but one "224x224 forward pass"
 * is a dream step for one kind and a read-back for another: src/figures/costs.json holds, per kind and
 * model, the seconds one unit took on a measured cold run (npm run calibrate-costs writes it). The bar then
 * scales these predictions by the ratio of actual to predicted seconds so far, so another machine converges.
 */
import costs from '../../figures/costs.json' with { type: 'json' };
import { costOf } from '../../figures/registry/authoring.ts';
import type { Recipe } from '../../figures/registry/types.ts';

export interface CostTable {
  /** Where and how the seconds were measured (CPU, backend, date), for whoever reads the numbers. */
  machine: string;
  /** Seconds per cost unit, by "<kind>/<model>" ("<kind>" for kinds without a model). */
  secondsPerUnit: Record<string, number>;
  /** Seconds per image of an image-set index pass, by model. */
  setIndexSecondsPerImage: Record<string, number>;
}

const TABLE: CostTable = costs;

/** The table's key for a recipe: its kind, and its model where it has one. */
export function costKey(recipe: Recipe): string {
  return 'model' in recipe ? `${recipe.kind}/${recipe.model}` : recipe.kind;
}

/** The median of the values (also the benchmarks' statistic). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Seconds one cost unit of this recipe takes: its kind and model's, else its kind's on any model, else typical. */
function secondsPerUnit(recipe: Recipe, table: CostTable): number {
  const exact = table.secondsPerUnit[costKey(recipe)];
  if (exact !== undefined) return exact;
  const sameKind = Object.entries(table.secondsPerUnit).filter(([k]) => k.split('/')[0] === recipe.kind);
  // A kind or model never measured is predicted like a typical one (1 s per unit in an empty table).
  const typical = (sameKind.length ? sameKind : Object.entries(table.secondsPerUnit)).map(([, v]) => v);
  return typical.length ? median(typical) : 1;
}

export function predictedSeconds(recipe: Recipe, table: CostTable = TABLE): number {
  return costOf(recipe) * secondsPerUnit(recipe, table);
}

/** Seconds to index `images` images of a set with one model (every layer in the same pass). */
export function predictedSetIndexSeconds(model: string, images: number, table: CostTable = TABLE): number {
  const measured = Object.values(table.setIndexSecondsPerImage);
  const perImage = table.setIndexSecondsPerImage[model] ?? (measured.length ? median(measured) : 0.1);
  return perImage * images;
}
