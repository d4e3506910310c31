/**
 * How deep to load each model, and which layers a photo's shared pass computes, for a set of recipes (the
 * build's, or one page's): each model is loaded once, to the deepest layer any figure (or a live panel)
 * needs, and each photo goes through each model once.
 */
import { readsOf } from '../registry/compute.ts';
import type { Recipe } from '../registry/types.ts';

export interface LoadPlan {
  /** Per model: the layers to load up to, or 'whole'. */
  depth: Record<string, string[] | 'whole'>;
  /** Per model: the layers a photo's shared pass computes. */
  analysis: Record<string, string[]>;
}

/** The plan for these recipes; `extra` adds layers a reader may ask for (a live panel's choices). */
export function planLoads(recipes: Recipe[], extra: Record<string, string[]> = {}): LoadPlan {
  const layers = new Map<string, Set<string>>();
  const whole = new Set<string>();
  const analysis = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, model: string, names: string[]) => {
    const set = map.get(model) ?? new Set<string>();
    for (const name of names) set.add(name);
    map.set(model, set);
  };
  for (const recipe of recipes) {
    const reads = readsOf(recipe);
    for (const [model, needs] of Object.entries(reads.models)) {
      if (needs === 'whole') whole.add(model);
      else add(layers, model, needs);
    }
    if (reads.analysis) add(analysis, reads.analysis.model, reads.analysis.layers);
  }
  for (const [model, names] of Object.entries(extra)) add(layers, model, names);
  const depth: LoadPlan['depth'] = {};
  for (const model of new Set([...layers.keys(), ...whole])) {
    const named = [...(layers.get(model) ?? [])];
    // A model no figure names a layer of (an architecture table, a fast-style network) loads whole.
    depth[model] = whole.has(model) || !named.length ? 'whole' : named;
  }
  return { depth, analysis: Object.fromEntries([...analysis].map(([model, names]) => [model, [...names]])) };
}
