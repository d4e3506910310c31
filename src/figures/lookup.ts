/**
 * Server-side lookup for the figure components: validates the props (same rules as the precompute) and
 * finds the precomputed result in the manifest, typed by the component's kind.
 */
import { recipeKey } from './key.ts';
import { readManifest, FIGURES_URL, isFigureOf, type ManifestFigure } from './manifest.ts';
import { PROFILES } from './profiles.ts';
import { AUTHORING } from './registry/authoring.ts';
import type { RecipeKind } from './registry/types.ts';
import type { FigureWidth } from './figure-props.ts';
import { resolveFigure } from './validate.ts';
import { FIGURE_NUMBER_PROP, figureNumberOf } from './numbering.ts';

/** A precomputed figure of kind K, with the URLs of its files. */
export interface FoundFigure<K extends RecipeKind = RecipeKind> {
  status: 'ok';
  key: string;
  figure: ManifestFigure<K>;
  imageUrl?: string;
  metaUrl: string;
  /** It recomputes for the reader's photo (false: pinned to its image, or it shows no photo). */
  follows: boolean;
  /**
   * Its HTML id, stable under edits elsewhere in the article: the author's `name`, else "figure-" and its
   * recipe's content key (a second identical figure on the page gets "-2"), never its position.
   */
  id: string;
  /** The width the author asked for, if any (else the kind decides). */
  width?: FigureWidth;
  /** Its number in the article ("Figure 3."), handed by the Markdown plugin (numbering.ts). */
  number?: number;
}

export type FigureLookup<K extends RecipeKind> =
  FoundFigure<K> | { status: 'not-fetched'; model: string; layer: string; hint: string };

export function lookupFigure<K extends RecipeKind>(
  kind: K,
  props: Record<string, unknown>,
  article: { photo: string; usedIds?: Set<string> },
  base: string,
): FigureLookup<K> {
  const component = AUTHORING[kind].component;
  // Astro may hand a component an HTML `class`; it is a figure prop only for kinds that take a class name.
  const takesClass = 'class' in AUTHORING[kind].props.shape;
  // The figure's number is the article's, not a prop of the figure (numbering.ts adds it).
  const { class: htmlClass, [FIGURE_NUMBER_PROP]: _number, ...rest } = props;
  const figureProps = takesClass && htmlClass !== undefined ? { ...rest, class: htmlClass } : rest;
  const manifest = readManifest();
  const resolution = resolveFigure(kind, figureProps, article.photo, PROFILES[manifest.profile]);
  if (resolution.status === 'invalid') {
    throw new Error(`<${component} ${JSON.stringify(figureProps)}>: ${resolution.problems.join('; ')}`);
  }
  if (resolution.status === 'not-fetched') return resolution;
  const key = recipeKey(resolution.recipe);
  const figure = manifest.figures[key];
  if (!figure) {
    throw new Error(
      `<${component} ${JSON.stringify(figureProps)}> has not been precomputed: run \`npm run precompute\` (npm run build does).`,
    );
  }
  if (!isFigureOf(figure, kind))
    throw new Error(`Manifest entry ${key} is a ${figure.recipe.kind} figure, not ${kind}.`);
  const url = (file: string) => `${base.replace(/\/?$/, '/')}${FIGURES_URL}/${file}`;
  const follows = resolution.follows ?? false;
  const id = claimId(article.usedIds, resolution.name, key, component);
  return {
    status: 'ok',
    key,
    figure,
    imageUrl: figure.image && url(figure.image.file),
    metaUrl: url(figure.meta),
    follows,
    id,
    ...(resolution.width ? { width: resolution.width } : {}),
    ...(figureNumberOf(props) ? { number: figureNumberOf(props) } : {}),
  };
}

/** The figure's id, unique on its page: an author's name used twice is an error, a content id gets "-2". */
function claimId(used: Set<string> | undefined, name: string | undefined, key: string, component: string): string {
  let id = name ?? `figure-${key.slice(0, 10)}`;
  if (used?.has(id)) {
    if (name)
      throw new Error(
        `<${component} name="${name}">: another figure of this article has that name; names must be unique.`,
      );
    let n = 2;
    while (used.has(`${id}-${n}`)) n++;
    id = `${id}-${n}`;
  }
  used?.add(id);
  return id;
}
