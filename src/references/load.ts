/**
 * The bibliography an article cites from: the site's content/references.bib, and the file its frontmatter
 * names with `bibliography:` (relative to the content folder; its entries win over the site's of the same
 * key). Every entry needs an author (or editor), a title and a year: the build checks that, at its line.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../node/paths.ts';
import { parseBibtex, type BibEntry } from './bibtex.ts';

/** The site's bibliography, in the content folder. */
export const SITE_BIBLIOGRAPHY = 'references.bib';

export interface LoadedEntry extends BibEntry {
  /** The .bib file it is in (path from the project root), for messages. */
  file: string;
}

export interface Bibliography {
  entries: Map<string, LoadedEntry>;
  problems: string[];
}

const REQUIRED = [['author', 'editor'], ['title'], ['year']] as const;

/** One .bib file's entries and problems (a missing file: none, or a problem if `required`). */
export function loadBibFile(file: string, required: boolean): Bibliography {
  const display = path.relative(PROJECT_ROOT, file);
  if (!existsSync(file))
    return {
      entries: new Map(),
      problems: required ? [`${display}: no such file (the frontmatter's bibliography)`] : [],
    };
  const parsed = parseBibtex(readFileSync(file, 'utf8'), display);
  const problems = [...parsed.problems];
  for (const entry of parsed.entries) {
    const missing = REQUIRED.filter((names) => !names.some((name) => entry.fields[name]?.trim())).map((n) => n[0]);
    if (missing.length) problems.push(`${display}:${entry.line}: entry "${entry.key}" has no ${missing.join(', ')}`);
  }
  return { entries: new Map(parsed.entries.map((e) => [e.key, { ...e, file: display }])), problems };
}

/** The site's bibliography merged with an article's own file (frontmatter `bibliography`), if it names one. */
export function articleBibliography(content: string, own?: string): Bibliography {
  const site = loadBibFile(path.join(content, SITE_BIBLIOGRAPHY), false);
  if (!own) return site;
  const article = loadBibFile(path.resolve(content, own), true);
  return { entries: new Map([...site.entries, ...article.entries]), problems: article.problems };
}
