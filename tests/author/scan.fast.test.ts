/** The MDX scanner: every figure with its literal props and position, the frontmatter, and non-literal props. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanArticle } from '../../src/figures/scan.ts';
import { PROJECT_ROOT } from '../../src/node/paths.ts';

const fixture = (file: string) => path.join(PROJECT_ROOT, 'tests/fixtures', file);

describe('MDX scanner', () => {
  it('finds every figure with its literal props, line and column, and the frontmatter', async () => {
    const article = await scanArticle(fixture('basic/content/articles/fixture.mdx'), 'fixture.mdx');
    expect(article.frontmatter).toMatchObject({ title: 'Fixture article', photo: 'chelsea.png' });
    expect(article.problems).toEqual([]);
    expect(article.figures.map((f) => [f.component, f.line, f.column])).toEqual([
      ['TopK', 9, 1],
      ['FeatureMapGrid', 11, 1],
      ['ChannelSweep', 13, 1],
      ['FeatureMapGrid', 15, 1],
      ['FeatureMapGrid', 17, 1],
      ['FeatureMapGrid', 19, 1],
      ['FilterGallery', 21, 1],
      ['ArchitectureTable', 23, 1],
      ['InputPhoto', 25, 1],
    ]);
    expect(article.figures[0]!.props).toEqual({ k: 3 });
    expect(article.figures[1]!.props).toEqual({ layer: 'conv2d_1', channels: [0, 1, 2, 3, 4, 5, 6, 7], columns: 4 });
    expect(article.figures[5]!.props).toEqual({ model: 'vgg19', layer: 'block4_conv1', whenFetched: true });
  });

  it('reports a prop that is not a literal with its file and line, and leaves that figure out', async () => {
    const article = await scanArticle(fixture('invalid/content/articles/broken.mdx'), 'broken.mdx');
    expect(article.problems).toEqual([
      'broken.mdx:17:1: <FeatureMapGrid> prop "layer" must be a literal (a string, number, true/false or a JSON array), got {someVariable}',
    ]);
    expect(article.figures.some((f) => f.line === 17)).toBe(false);
    expect(article.figures).toHaveLength(9);
  });

  it('reads $...$ and $$...$$ as math and reports a formula that does not typeset at its line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'layerlens-math-'));
    const file = path.join(dir, 'math.mdx');
    await writeFile(
      file,
      '---\ntitle: T\n---\n\nFine: $a_{i} + \\frac{1}{2}$.\n\nBroken: $\\frac{1}{2$ and $$\\sqrt{x$$.\n\n$$\n\\notacommand{x}\n$$\n',
    );
    try {
      const article = await scanArticle(file, 'math.mdx');
      expect(article.problems).toEqual([
        expect.stringMatching(/^math\.mdx:7:9: math: .+/),
        expect.stringMatching(/^math\.mdx:7:26: math: .+/),
        expect.stringMatching(/^math\.mdx:9:1: math: .*notacommand/),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
