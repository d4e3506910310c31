/**
 * Server-side lookup for the figure components: validates the props (same rules as the precompute) and
 * finds the precomputed result in the manifest.
 */
import { recipeKey } from './key.ts';
import { readManifest, FIGURES_URL, type ManifestFigure } from './manifest.ts';
import type { FigureComponent } from './props.ts';
import { resolveFigure } from './validate.ts';
import { PROFILES } from './profiles.ts';

export type FigureLookup =
  | { status: 'ok'; key: string; figure: ManifestFigure; imageUrl?: string; metaUrl: string }
  | { status: 'not-fetched'; model: string; layer: string; hint: string };

export function lookupFigure(
  component: FigureComponent,
  props: Record<string, unknown>,
  photo: string,
  base: string,
): FigureLookup {
  const { class: _class, ...figureProps } = props;
  const manifest = readManifest();
  const resolution = resolveFigure(component, figureProps, photo, PROFILES[manifest.profile]);
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
  const url = (file: string) => `${base.replace(/\/?$/, '/')}${FIGURES_URL}/${file}`;
  return { status: 'ok', key, figure, imageUrl: figure.image && url(figure.image.file), metaUrl: url(figure.meta) };
}
