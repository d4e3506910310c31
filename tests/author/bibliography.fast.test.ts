/** BibTeX reading (the site's real references.bib), LaTeX to text, names, labels and the References list. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/references/bibtex.ts';
import { latexToText, splitNames } from '../../src/references/latex.ts';
import { citationParts, referenceList } from '../../src/references/format.ts';
import { loadBibFile } from '../../src/references/load.ts';
import { PROJECT_ROOT } from '../../src/node/paths.ts';

const SITE_BIB = path.join(PROJECT_ROOT, 'content/references.bib');

describe('the site bibliography', () => {
  it('parses every entry of content/references.bib, each with author, title and year', () => {
    const { entries, problems } = loadBibFile(SITE_BIB, true);
    expect(problems).toEqual([]);
    expect(entries.size).toBeGreaterThanOrEqual(14);
    for (const entry of entries.values()) {
      expect(entry.fields.author, entry.key).toMatch(/\w/);
      expect(entry.fields.title, entry.key).toMatch(/\w/);
      expect(entry.fields.year, entry.key).toMatch(/^(19|20)\d\d$/);
      expect(entry.fields.doi ?? entry.fields.url, `${entry.key} has a link`).toBeTruthy();
    }
    const smilkov = referenceList([entries.get('smilkov2017')!])[0]!;
    expect(smilkov.authors).toBe('Daniel Smilkov, Nikhil Thorat, Been Kim, Fernanda Viégas and Martin Wattenberg');
    expect(smilkov.title).toBe('SmoothGrad: Removing Noise by Adding Noise');
  });

  it('every key the articles cite is in it', () => {
    const text = readFileSync(SITE_BIB, 'utf8');
    const keys = new Set(parseBibtex(text, 'references.bib').entries.map((e) => e.key));
    for (const key of ['gatys2016', 'johnson2016', 'olah2017', 'simonyan2014', 'selvaraju2017', 'adebayo2018'])
      expect(keys.has(key), key).toBe(true);
  });
});

describe('BibTeX', () => {
  it('reads braces, quotes, numbers, @string macros and # concatenation, and skips comments', () => {
    const { entries, problems } = parseBibtex(
      `@string{cvpr = "Computer Vision and Pattern Recognition"}
@comment{ not an entry @misc{x} }
@inproceedings{a, title = "A {"}quoted{"} title", booktitle = "IEEE " # cvpr, year = 2016, month = jun,
  author = {D{\\"u}rer, Albrecht and von Neumann, John}}`,
      't.bib',
    );
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ key: 'a', type: 'inproceedings', line: 3 });
    expect(entries[0]!.fields).toMatchObject({
      booktitle: 'IEEE Computer Vision and Pattern Recognition',
      year: '2016',
      month: '6',
    });
    expect(splitNames(entries[0]!.fields.author!).names).toEqual([
      { first: 'Albrecht', last: 'Dürer' },
      { first: 'John', last: 'von Neumann' },
    ]);
  });

  it('reports what it cannot read at its line and reads on', () => {
    const { entries, problems } = parseBibtex(
      '@article{a, title = {Open\n\n@article{b, title = {B}, year = 2020, author = {X, Y}}\n@misc{c, year = nosuchmacro}',
      'bad.bib',
    );
    expect(problems).toEqual([
      'bad.bib:1: an opening brace is never closed',
      'bad.bib:4: unknown @string name "nosuchmacro"',
    ]);
    expect(entries.map((e) => e.key)).toEqual(['b']);
  });

  it('turns LaTeX into text', () => {
    expect(latexToText('Vi{\\\'e}gas and G\\"{o}del --- {\\ss}, \\c{c}a, 1--2 \\& {CNN}s')).toBe(
      'Viégas and Gödel — ß, ça, 1–2 & CNNs',
    );
    expect(splitNames('Leon A. Gatys and {Google Brain Team} and others')).toEqual({
      names: [
        { first: 'Leon A.', last: 'Gatys' },
        { first: '', last: 'Google Brain Team' },
      ],
      others: true,
    });
  });
});

describe('citations and the References list', () => {
  const entry = (key: string, author: string, year: string, title: string) => ({
    type: 'article',
    key,
    line: 1,
    fields: { author, year, title, journal: 'J', doi: `10.1/${key}` },
  });

  it('labels author-year, alphabetical, with a and b for the same label and year', () => {
    const list = referenceList([
      entry('z', 'Zeiler, M. and Fergus, R.', '2014', 'Z'),
      entry('o2', 'Olah, C. and Mordvintsev, A. and Schubert, L.', '2017', 'Feature'),
      entry('g', 'Gatys, L.', '2016', 'G'),
      entry('o1', 'Olah, C. and Satyanarayan, A. and Johnson, I.', '2017', 'Building'),
    ]);
    expect(list.map((r) => r.label)).toEqual([
      'Gatys, 2016',
      'Olah et al., 2017a',
      'Olah et al., 2017b',
      'Zeiler and Fergus, 2014',
    ]);
    // Same label and year: by the full author list (Mordvintsev before Satyanarayan).
    expect(list[1]).toMatchObject({ key: 'o2', year: '2017a', id: 'ref-o2', link: 'https://doi.org/10.1/o2' });
    expect(list[3]!.authors).toBe('M. Zeiler and R. Fergus');
  });

  it('writes one citation of several works, with a page range', () => {
    const list = referenceList([
      entry('g', 'Gatys, L.', '2016', 'G'),
      entry('z', 'Zeiler, M. and Fergus, R.', '2014', 'Z'),
    ]);
    const { before, parts, after } = citationParts(list, '12-14');
    expect(before + parts.map((p) => p.text).join('; ') + after).toBe(
      '(Gatys, 2016; Zeiler and Fergus, 2014, pp. 12–14)',
    );
    expect(parts.map((p) => p.id)).toEqual(['ref-g', 'ref-z']);
  });
});
