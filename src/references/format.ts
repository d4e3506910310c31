/**
 * Author-year citations and the References list. The list is alphabetical (first author's family name, then
 * year, then title): with author-year labels a reader looks an entry up by its name, which an order of first
 * citation would hide. Two cited works with the same authors' label and year get 2016a, 2016b.
 */
import type { BibEntry } from './bibtex.ts';
import { latexToText, splitNames, type PersonName } from './latex.ts';

export interface Reference {
  key: string;
  /** The list item's HTML id, the citations' link target. */
  id: string;
  /** "Gatys et al., 2016" (with a, b when needed). */
  label: string;
  /** "Leon A. Gatys, Alexander S. Ecker and Matthias Bethge". */
  authors: string;
  year: string;
  title: string;
  /** Journal, proceedings, publisher or preprint server, with volume and pages when given. */
  venue: string;
  /** https://doi.org/... from the doi, else the url. */
  link?: string;
}

/** The References list of the cited entries, in list order, each with its citation label. */
export function referenceList(entries: readonly BibEntry[]): Reference[] {
  const unique = [...new Map(entries.map((e) => [e.key, e])).values()];
  const references = unique.map(toReference).sort(compare);
  const groups = new Map<string, Reference[]>();
  for (const reference of references) {
    const group = groups.get(reference.label) ?? [];
    groups.set(reference.label, [...group, reference]);
  }
  for (const group of groups.values())
    if (group.length > 1)
      group.forEach((reference, i) => {
        reference.label += String.fromCharCode(97 + i);
        reference.year += String.fromCharCode(97 + i);
      });
  return references;
}

/** The text of one citation: "(Gatys et al., 2016; Johnson et al., 2016, p. 3)" split into parts to link. */
export function citationParts(
  references: readonly Reference[],
  page?: string,
): { before: string; parts: { text: string; id: string }[]; after: string } {
  return {
    before: '(',
    parts: references.map((r) => ({ text: r.label, id: r.id })),
    after: `${page ? `, ${/^\d+$/.test(page) ? 'p.' : 'pp.'} ${page.replace(/-+/, '\u2013')}` : ''})`,
  };
}

function toReference(entry: BibEntry): Reference {
  const field = (name: string) => latexToText(entry.fields[name] ?? '');
  const { names, others } = splitNames(entry.fields.author ?? entry.fields.editor ?? '');
  const year = field('year');
  const doi = field('doi');
  return {
    key: entry.key,
    id: `ref-${entry.key.replace(/[^\w-]/g, '-')}`,
    label: `${shortAuthors(names, others)}, ${year}`,
    authors: fullAuthors(names, others),
    year,
    title: field('title'),
    venue: venue(entry),
    ...(doi ? { link: `https://doi.org/${doi}` } : field('url') ? { link: field('url') } : {}),
  };
}

/** "Gatys", "Zeiler and Fergus", "Gatys et al." */
function shortAuthors(names: PersonName[], others: boolean): string {
  if (names.length === 1 && !others) return names[0]!.last;
  if (names.length === 2 && !others) return `${names[0]!.last} and ${names[1]!.last}`;
  return `${names[0]?.last ?? 'Anonymous'} et al.`;
}

function fullAuthors(names: PersonName[], others: boolean): string {
  const full = names.map((n) => (n.first ? `${n.first} ${n.last}` : n.last));
  if (others) return `${full.join(', ')} et al.`;
  return full.length > 1 ? `${full.slice(0, -1).join(', ')} and ${full[full.length - 1]}` : (full[0] ?? '');
}

function venue(entry: BibEntry): string {
  const field = (name: string) => latexToText(entry.fields[name] ?? '');
  const archive = field('archiveprefix') || field('eprinttype');
  const where =
    field('journal') ||
    field('journaltitle') ||
    field('booktitle') ||
    field('howpublished') ||
    field('publisher') ||
    field('school') ||
    field('institution') ||
    (archive && field('eprint') ? `${archive}:${field('eprint')}` : '');
  const volume = field('volume') ? ` ${field('volume')}${field('number') ? `(${field('number')})` : ''}` : '';
  const pages = field('pages') ? `, pp. ${field('pages')}` : '';
  return `${where}${volume}${pages}`;
}

function compare(a: Reference, b: Reference): number {
  return (
    a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) ||
    a.authors.localeCompare(b.authors, 'en') ||
    a.title.localeCompare(b.title, 'en')
  );
}
