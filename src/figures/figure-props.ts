/**
 * Props every figure takes whatever its kind, none of which changes its pixels (so none is in a recipe):
 * `name` (its HTML id, for links), `width` (text column, wide, full), and, for figures of a photo,
 * `follows` (whether a reader's photo replaces it).
 */

import { z } from 'zod';

/** Widths a figure can take: the text column, wide (about 1100 px), the full window. */
const Width = z.enum(['column', 'wide', 'full']);
export type FigureWidth = z.infer<typeof Width>;
export const FIGURE_WIDTHS: readonly FigureWidth[] = Width.options;

/** A figure's name: lower-case letters, digits and dashes, starting with a letter (it becomes an HTML id). */
const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The figure-level props as a schema, for the figure reference (its doc lines and types). `splitFigureProps`
 * checks them by hand, for messages that say how to write each in MDX.
 */
export const FigureLevelSchema = z.object({
  name: z
    .string()
    .regex(NAME)
    .optional()
    .describe(
      "The figure's HTML id, for links (#cat-grid): lower-case letters, digits and dashes, unique in the article (default: an id from the recipe, e.g. figure-3f9c0a1b2d).",
    ),
  width: Width.optional().describe(
    "How wide the figure is: the text column, wide or the full window (default: the kind's choice).",
  ),
  follows: z
    .boolean()
    .optional()
    .describe(
      "Whether a reader's photo replaces the figure's image; figures of a photo only (default: true when it shows the article's photo, false when it names another image).",
    ),
});

export interface FigureLevelProps {
  /** The author's name for the figure, when given. */
  name?: string;
  /** The width the author asked for. */
  width?: FigureWidth;
  /** The author's choice to follow the reader's photo or not, when given. */
  follows?: boolean;
}

/** The names of these props a figure takes (for the list of valid props in messages). */
export function figureLevelPropNames(takesImage: boolean): string[] {
  return ['name', 'width', ...(takesImage ? ['follows'] : [])];
}

/** Splits the figure-level props from the kind's own, checking them: the kind's props, or the problems. */
export function splitFigureProps(
  raw: Record<string, unknown>,
  takesImage: boolean,
): { props: Record<string, unknown>; level: FigureLevelProps } | { problems: string[] } {
  const { follows, name, width, ...props } = raw;
  const problems: string[] = [];
  if (width !== undefined && !FIGURE_WIDTHS.includes(width as FigureWidth))
    problems.push(`prop "width": one of ${FIGURE_WIDTHS.join(', ')} (got ${JSON.stringify(width)})`);
  if (name !== undefined && (typeof name !== 'string' || !NAME.test(name)))
    problems.push(
      `prop "name": lower-case letters, digits and dashes, starting with a letter, e.g. name="cat-grid" (got ${JSON.stringify(name)})`,
    );
  if (follows !== undefined && !takesImage)
    problems.push(`prop "follows": this figure shows no photo, so it cannot follow the reader's; remove follows`);
  else if (follows !== undefined && typeof follows !== 'boolean')
    problems.push('prop "follows": write follows alone for true, or follows={false} to pin the figure to its image');
  if (problems.length) return { problems };
  const level: FigureLevelProps = {
    ...(typeof name === 'string' ? { name } : {}),
    ...(width !== undefined ? { width: width as FigureWidth } : {}),
    ...(typeof follows === 'boolean' ? { follows } : {}),
  };
  return { props, level };
}
