/**
 * The build's check of an article's <Ref> and <Cite> elements, with the figures' (before any precompute):
 * a reference to a figure name the article does not have, or a citation of a key no bibliography holds,
 * fails with its file:line and the closest name.
 */
import { suggestion } from '../figures/suggest.ts';
import type { DeclaredElement, ScannedArticle } from '../figures/scan.ts';

/** The keys a <Cite> names (`key="a"` or `keys={["a", "b"]}`), or a problem with how they are written. */
export function citeKeys(props: Record<string, unknown>): { keys: string[] } | { problem: string } {
  const { key, keys, page, ...rest } = props;
  const unknown = Object.keys(rest);
  if (unknown.length)
    return {
      problem: `unknown prop "${unknown[0]}"${suggestion(unknown[0]!, ['key', 'keys', 'page'])}; props: key, keys, page`,
    };
  if (page !== undefined && typeof page !== 'string' && typeof page !== 'number')
    return { problem: 'prop "page": a page or a range, e.g. page="12" or page="12-14"' };
  const list = key !== undefined ? [key] : keys;
  if (key !== undefined && keys !== undefined) return { problem: 'give key="..." or keys={[...]}, not both' };
  if (!Array.isArray(list) || !list.length || !list.every((k) => typeof k === 'string' && k))
    return { problem: 'needs key="gatys2016", or keys={["gatys2016", "johnson2016"]} for several' };
  return { keys: list as string[] };
}

/** The figure names of an article (the `name` props), which <Ref to> may name. */
export function figureNames(article: ScannedArticle): string[] {
  return article.figures.flatMap((f) => (typeof f.props.name === 'string' ? [f.props.name] : []));
}

/** Every <Ref> whose target is not a figure of this article, as "file:line:column: message". */
export function checkRefs(article: ScannedArticle): string[] {
  const names = figureNames(article);
  return article.refs.flatMap((ref) => {
    const where = `${at(article, ref)} <Ref>`;
    const to = ref.props.to;
    const extra = Object.keys(ref.props).filter((p) => p !== 'to');
    if (extra.length) return [`${where} unknown prop "${extra[0]}"; <Ref> takes to="<figure name>" and its text`];
    if (typeof to !== 'string' || !to) return [`${where} needs to="<figure name>"`];
    if (names.includes(to)) return [];
    const known = names.length
      ? `; named figures: ${names.join(', ')}`
      : '; no figure of this article has a name: give the figure one, e.g. <TopK name="top-guesses" />';
    return [`${where} no figure of this article is named "${to}"${suggestion(to, names)}${known}`];
  });
}

/** Every <Cite> that is malformed or names a key the bibliography lacks. */
export function checkCites(article: ScannedArticle, known: readonly string[]): string[] {
  return article.cites.flatMap((cite) => {
    const where = `${at(article, cite)} <Cite>`;
    const parsed = citeKeys(cite.props);
    if ('problem' in parsed) return [`${where} ${parsed.problem}`];
    return parsed.keys
      .filter((key) => !known.includes(key))
      .map((key) =>
        known.length
          ? `${where} no bibliography entry "${key}"${suggestion(key, known)}`
          : `${where} no bibliography entry "${key}": the content folder has no references.bib (or it is empty)`,
      );
  });
}

function at(article: ScannedArticle, element: DeclaredElement): string {
  return `${article.file}:${element.line}:${element.column}:`;
}
