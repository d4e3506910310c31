/**
 * The precompute checks each article's frontmatter first, before any figure, and reports each problem once
 * at the frontmatter's own line, with the fix (the valid keys, the closest name, the image packs' files).
 */
import { ArticleFrontmatter } from './frontmatter.ts';
import { suggestion } from './suggest.ts';
import { checkImage } from './check-image.ts';

const KEYS = Object.keys(ArticleFrontmatter.shape);

/** Where the frontmatter is in the file: its first line, and the line of each top-level key. */
export interface FrontmatterPlace {
  line: number;
  keys: Record<string, number>;
}

/**
 * Every problem of an article's frontmatter as "file:line: message", each cause once. `figureNames` are the
 * names the article's figures take (their name prop), which `cover` must be one of.
 */
export function checkFrontmatter(
  raw: unknown,
  place: FrontmatterPlace | null,
  display: string,
  figureNames: string[] = [],
): string[] {
  if (!place || typeof raw !== 'object' || raw === null)
    return [
      `${display}:1: no frontmatter: start the file with ---, then ${KEYS.slice(0, 3)
        .map((k) => `${k}:`)
        .join(', ')} and ---`,
    ];
  const at = (key: string | undefined) => `${display}:${(key && place.keys[key]) || place.line}:`;
  const parsed = ArticleFrontmatter.safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys')
          return issue.keys.map(
            (key) =>
              `${at(key)} frontmatter key "${key}" is not known${suggestion(key, KEYS)}; valid keys: ${KEYS.join(', ')}`,
          );
        const key = String(issue.path[0] ?? '');
        const field = ArticleFrontmatter.shape[key as keyof typeof ArticleFrontmatter.shape];
        const missing = (raw as Record<string, unknown>)[key] === undefined;
        const what = missing ? `needs "${key}:"` : `"${key}": ${issue.message}`;
        return [`${at(key)} frontmatter ${what} (${field?.description ?? ''})`];
      });
  const photo = (raw as Record<string, unknown>).photo;
  if (typeof photo === 'string' && photo)
    problems.push(...checkImage(photo, photo).map((p) => `${at('photo')} frontmatter photo: ${p}`));
  const cover = (raw as Record<string, unknown>).cover;
  if (typeof cover === 'string' && cover && !figureNames.includes(cover))
    problems.push(`${at('cover')} frontmatter cover: ${coverProblem(cover, figureNames)}`);
  return problems;
}

/** Why a cover names no figure, with the closest name and the names there are (or how to name one). */
function coverProblem(cover: string, names: string[]): string {
  const unknown = `no figure is named "${cover}"${suggestion(cover, names)}`;
  return names.length
    ? `${unknown}; named figures: ${names.join(', ')}`
    : `${unknown}; give the figure a name, e.g. <FeatureMapGrid name="${cover}" ...>`;
}
