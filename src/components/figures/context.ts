/** What figure components need from the article they sit in (set by the article page in Astro.locals). */
export interface ArticleContext {
  /** The article's photo, "<file>" or "<pack>/<file>". */
  photo: string;
  /** Anchors of the feature-map grids on the page, by "<model>/<layer>". */
  gridAnchors: Map<string, string>;
  /** Figure ids given so far on the page (each unique). */
  usedIds: Set<string>;
}

export function articleContext(locals: App.Locals): ArticleContext {
  const context = locals.article;
  if (!context) throw new Error('LayerLens figures can only be used inside an article (content/*.mdx).');
  return context;
}

export function gridAnchor(model: string, layer: string): string {
  return `fm-${model}-${layer}`;
}
