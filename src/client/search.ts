/**
 * The search page's script: on the first search it loads pagefind's library from the site (/pagefind/,
 * written by the build), then lists each match's title, link and excerpt as the reader types. Nothing
 * leaves the page but requests for the index's own files.
 */

/** The parts of pagefind's browser API this page uses (it ships no types for it). */
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  debouncedSearch(term: string): Promise<{ results: { data(): Promise<Match> }[] } | null>;
}
interface Match {
  url: string;
  excerpt: string;
  meta: { title?: string };
}

/** How many matches the page lists. */
const SHOWN = 10;

/** Loads pagefind once; a dev server has no index (it is built with the site), which the status says. */
function loader(bundle: string, base: string): () => Promise<Pagefind> {
  let loading: Promise<Pagefind> | undefined;
  return () =>
    (loading ??= (import(/* @vite-ignore */ bundle) as Promise<Pagefind>).then(async (pagefind) => {
      await pagefind.options({ baseUrl: base });
      return pagefind;
    }));
}

/**
 * The excerpt as nodes: pagefind's excerpt is escaped text with <mark> around the words found; it is parsed
 * in an inert template and only its text and marks are kept, so no markup of the page's own reaches it.
 */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function resultItem(match: Match): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = match.url;
  link.textContent = match.meta.title ?? match.url;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(match.excerpt));
  item.append(link, excerpt);
  return item;
}

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.ll-search');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  const status = document.querySelector<HTMLElement>('#ll-search-status');
  const list = document.querySelector<HTMLOListElement>('#ll-search-results');
  if (!form || !input || !status || !list) return;
  const load = loader(form.dataset['pagefind']!, form.dataset['base']!);

  const search = async (term: string) => {
    if (!term.trim()) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let found: Awaited<ReturnType<Pagefind['debouncedSearch']>>;
    try {
      found = await (await load()).debouncedSearch(term);
    } catch {
      status.textContent = 'The search index is built with the site (npm run build); this copy has none.';
      return;
    }
    if (found === null) return; // a newer keystroke superseded this search
    const matches = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    list.replaceChildren(...matches.map(resultItem));
    const n = found.results.length;
    status.textContent =
      n === 0
        ? `No article mentions “${term}”.`
        : `${n} ${n === 1 ? 'article' : 'articles'} found${n > SHOWN ? `, the first ${SHOWN} listed` : ''}.`;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(input.value);
  });
  input.addEventListener('input', () => void search(input.value));
  const asked = new URLSearchParams(location.search).get('q');
  if (asked) {
    input.value = asked;
    void search(asked);
  }
}
