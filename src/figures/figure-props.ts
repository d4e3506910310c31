/**
 * Props every figure takes whatever its kind, none of which changes its pixels (so none is in a recipe):
 * `name` (its HTML id, for links), `width` (text column, wide, full), and, for figures of a photo,
 * `follows` (whether a reader's photo replaces it).
 */

/** Widths a figure can take: the text column, wide (about 1100 px), the full window. */
export type FigureWidth = 'column' | 'wide' | 'full';
export const FIGURE_WIDTHS: readonly FigureWidth[] = ['column', 'wide', 'full'];

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
  if (name !== undefined && (typeof name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(name)))
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
