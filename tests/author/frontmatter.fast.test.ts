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
      'a.mdx:5: frontmatter key "ordre" is not known (did you mean "order"?); valid keys: title, description, photo, order',
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

  it('says how to start a file that has no frontmatter', async () => {
    expect(await problemsOf(FIGURES)).toEqual([
      'a.mdx:1: no frontmatter: start the file with ---, then title:, description:, photo: and ---',
    ]);
  });
});
