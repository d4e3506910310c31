/** The works an article cites, from its scan (all its <Cite> keys), as its References list. */
import type { ScannedArticle } from '../figures/scan.ts';
import { citeKeys } from './check.ts';
import { referenceList, type Reference } from './format.ts';
import { articleBibliography } from './load.ts';

/** The References list of an article: every entry its <Cite> elements name (the build checked them). */
export function citedReferences(article: ScannedArticle, content: string, own?: string): Reference[] {
  const keys = article.cites.flatMap((cite) => {
    const parsed = citeKeys(cite.props);
    return 'keys' in parsed ? parsed.keys : [];
  });
  if (!keys.length) return [];
  const { entries } = articleBibliography(content, own);
  return referenceList(keys.flatMap((key) => entries.get(key) ?? []));
}
