/**
 * What an article page tells the browser's engine: the specs of the models its figures use, and the load
 * plan (each model loaded once, to the deepest layer the page's figures or live panels need; each photo's
 * shared pass). Computed at build time from the page's own figures, embedded as JSON.
 */
import type { ModelSpec } from '../engine/index.ts';
import { modelSpec } from '../registry/index.ts';
import { planLoads, type LoadPlan } from './inputs/load-plan.ts';
import { readManifest } from './manifest.ts';
import { PROFILES } from './profiles.ts';
import { liveLayersOf } from './registry/authoring.ts';
import { readsOf } from './registry/compute.ts';
import type { Recipe } from './registry/types.ts';
import type { ScannedArticle } from './scan.ts';
import { recipeContext, resolveFigure } from './validate.ts';

export interface PageEngine {
  models: ModelSpec[];
  plan: LoadPlan;
  /** Some figure takes gradients (the backend choice then needs float32 render targets on WebGL). */
  gradients: boolean;
}

export function pageEngine(article: ScannedArticle, photo: string): PageEngine {
  const profile = PROFILES[readManifest().profile];
  const context = recipeContext(photo, profile);
  const recipes: Recipe[] = [];
  const extra: Record<string, string[]> = {};
  for (const figure of article.figures) {
    const resolution = resolveFigure(figure.kind, figure.props, photo, profile);
    if (resolution.status !== 'ok') continue;
    recipes.push(resolution.recipe);
    for (const [model, layers] of Object.entries(liveLayersOf(resolution.recipe, context))) {
      extra[model] = [...(extra[model] ?? []), ...layers];
    }
  }
  const models = [...new Set(recipes.flatMap((r) => Object.keys(readsOf(r).models)))];
  const gradients = recipes.some((r) => readsOf(r).gradients === true);
  return { models: models.map(modelSpec), plan: planLoads(recipes, extra), gradients };
}
