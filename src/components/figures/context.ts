import type { Reference } from '../../references/format.ts';

/** What figure components need from the article they sit in (set by the article page in Astro.locals). */
export interface ArticleContext {
  /** The article's photo, "<file>" or "<pack>/<file>". */
  photo: string;
  /** Anchors of the feature-map grids on the page, by "<model>/<layer>". */
  gridAnchors: Map<string, string>;
  /** Figure ids given so far on the page (each unique). */
  usedIds: Set<string>;
  /** Figure numbers by the figures' names, for <Ref to="name"> (from the scan: source order). */
  figureNumbers: Map<string, number>;
  /** The article's cited references by key, for <Cite>; the References list shows them in order. */
  references: Map<string, Reference>;
}

export function articleContext(locals: App.Locals): ArticleContext {
  const context = locals.article;
  if (!context) throw new Error('LayerLens figures can only be used inside an article (content/*.mdx).');
  return context;
}

export function gridAnchor(model: string, layer: string): string {
  return `fm-${model}-${layer}`;
}
