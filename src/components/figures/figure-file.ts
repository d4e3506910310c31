/**
 * What a downloaded figure is called: "<article>-<figure id>", so that a reader's downloads folder says
 * where each file came from and two figures of one article never share a name.
 */
export function figureFileBase(article: string, figureId: string): string {
  // A nested article id ("series/part-1") has slashes, which a file name cannot hold.
  return `${article.replaceAll('/', '-')}-${figureId}`;
}
