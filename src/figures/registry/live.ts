/**
 * Registry 5: each kind's behaviour in the reader's browser, loaded lazily and only on pages that show the
 * kind (null: the kind needs nothing beyond what every figure gets). `wake` says when it loads.
 */
import type { LiveKind, Wake } from '../contract/live.ts';
import type { DataOf, RecipeKind } from './types.ts';

type LiveEntry<K extends RecipeKind> = { wake: Wake | null; load: () => Promise<{ live: LiveKind<DataOf<K>> }> } | null;

export const LIVE: { [K in RecipeKind]: LiveEntry<K> } = {
  'feature-maps': null,
  'channel-sweep': { wake: 'load', load: () => import('../kinds/channel-sweep/live.ts') },
  filters: null,
  architecture: null,
  'top-k': { wake: null, load: () => import('../kinds/top-k/live.ts') },
  'dream-gallery': null,
  'class-dream': null,
  'dream-compare': null,
  deepdream: null,
  'style-grid': null,
  'style-sweep': null,
  gatys: { wake: 'load', load: () => import('../kinds/gatys/live.ts') },
  'fast-style': { wake: 'load', load: () => import('../kinds/fast-style/live.ts') },
  gram: { wake: 'visible', load: () => import('../kinds/gram/live.ts') },
  'input-photo': { wake: null, load: () => import('../kinds/input-photo/live.ts') },
  saliency: { wake: null, load: () => import('../kinds/saliency/live.ts') },
  'saliency-compare': { wake: null, load: () => import('../kinds/saliency-compare/live.ts') },
  occlusion: { wake: null, load: () => import('../kinds/occlusion/live.ts') },
  'sanity-check': { wake: null, load: () => import('../kinds/sanity-check/live.ts') },
  faithfulness: { wake: null, load: () => import('../kinds/faithfulness/live.ts') },
  neighbours: { wake: null, load: () => import('../kinds/neighbours/live.ts') },
  'embedding-map': { wake: 'visible', load: () => import('../kinds/embedding-map/live.ts') },
  'top-patches': { wake: null, load: () => import('../kinds/top-patches/live.ts') },
  'filter-slide': { wake: 'load', load: () => import('../kinds/filter-slide/live.ts') },
  'layer-operation': { wake: null, load: () => import('../kinds/layer-operation/live.ts') },
  'network-overview': { wake: 'load', load: () => import('../kinds/network-overview/live.ts') },
  'layer-arithmetic': { wake: 'visible', load: () => import('../kinds/layer-arithmetic/live.ts') },
  'kernel-playground': { wake: 'load', load: () => import('../kinds/kernel-playground/live.ts') },
};
