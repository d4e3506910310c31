/**
 * The frontmatter is checked first, each problem once at its own line with the fix: a misspelt key (and
 * the valid keys), a missing field, a wrong type, a photo that is not in the image packs (with the closest
 * name), a file without frontmatter; figures of such an article are not checked again against it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFigures } from '../../src/node/precompute/collect-figures.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import { ArticleFrontmatter } from '../../src/figures/frontmatter.ts';

let dir: string;

async function problemsOf(text: string): Promise<string[]> {
  await writeFile(path.join(dir, 'a.mdx'), text);
  return (await collectFigures(PROFILES.cpu, dir)).problems.map((p) => p.replace(/^.*a\.mdx/, 'a.mdx'));
}

const FIGURES = '<TopK />\n\n<FeatureMapGrid layer="conv2d_1" />\n\n<FilterGallery layer="conv2d_1" />\n';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'layerlens-frontmatter-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('frontmatter', () => {
  it('reports a misspelt photo once, at its line, with the closest image', async () => {
    const problems = await problemsOf(`---\ntitle: T\ndescription: D\nphoto: chelsae.png\n---\n\n${FIGURES}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^a\.mdx:4: frontmatter photo: unknown image "chelsae\.png" \(did you mean "chelsea\.png"\?\)/,
    );
  });

  it('names a misspelt key with the valid keys, before any precompute', async () => {
    const problems = await problemsOf(`---\ntitle: T\ndescription: D\nphoto: chelsea.png\nordre: 2\n---\n\n${FIGURES}`);
    expect(problems).toEqual([
      'a.mdx:5: frontmatter key "ordre" is not known (did you mean "order"?); valid keys: title, description, photo, order, bibliography, date, author, cover',
    ]);
  });

  it('says which field is missing or of the wrong type, with what it is for', async () => {
    const problems = await problemsOf(`---\ntitle: T\norder: first\n---\n\n${FIGURES}`);
    expect(problems).toEqual([
      expect.stringMatching(/^a\.mdx:1: frontmatter needs "description:" \(One-sentence summary/),
      expect.stringMatching(/^a\.mdx:1: frontmatter needs "photo:" \(The article's photo/),
      expect.stringMatching(/^a\.mdx:3: frontmatter "order": .*number/),
    ]);
  });

  it('names a cover that is no figure, at its line, with the closest figure name', async () => {
    const named = '<TopK name="guesses" />\n\n<FeatureMapGrid name="cat-grid" layer="conv2d_1" />\n';
    const problems = await problemsOf(
      `---\ntitle: T\ndescription: D\nphoto: chelsea.png\ncover: cat-gird\n---\n\n${named}`,
    );
    expect(problems).toEqual([
      'a.mdx:5: frontmatter cover: no figure is named "cat-gird" (did you mean "cat-grid"?); named figures: guesses, cat-grid',
    ]);
    expect(
      await problemsOf(`---\ntitle: T\ndescription: D\nphoto: chelsea.png\ncover: cat-grid\n---\n\n${named}`),
    ).toEqual([]);
    const unnamed = await problemsOf(
      `---\ntitle: T\ndescription: D\nphoto: chelsea.png\ncover: cat-grid\n---\n\n${FIGURES}`,
    );
    expect(unnamed).toEqual([
      expect.stringMatching(/^a\.mdx:5: .*no figure is named "cat-grid"; give the figure a name/),
    ]);
  });

  it('takes a date and one author or several; refuses a date that is not YYYY-MM-DD', async () => {
    const head = '---\ntitle: T\ndescription: D\nphoto: chelsea.png\n';
    expect(await problemsOf(`${head}date: 2024-05-01\nauthor: Jane Doe\n---\n\n${FIGURES}`)).toEqual([]);
    expect(await problemsOf(`${head}author: [Jane Doe, Ann Smith]\n---\n\n${FIGURES}`)).toEqual([]);
    const problems = await problemsOf(`${head}date: 1 May 2024\n---\n\n${FIGURES}`);
    expect(problems).toEqual([
      expect.stringMatching(/^a\.mdx:5: frontmatter "date": .*\(Publication date as YYYY-MM-DD/),
    ]);
    // Astro's YAML reads an unquoted date as a Date: the schema gives the page the same string.
    const parsed = ArticleFrontmatter.parse({
      title: 'T',
      description: 'D',
      photo: 'chelsea.png',
      date: new Date('2024-05-01'),
    });
    expect(parsed.date).toBe('2024-05-01');
  });

  it('says how to start a file that has no frontmatter', async () => {
    expect(await problemsOf(FIGURES)).toEqual([
      'a.mdx:1: no frontmatter: start the file with ---, then title:, description:, photo: and ---',
    ]);
  });
});
