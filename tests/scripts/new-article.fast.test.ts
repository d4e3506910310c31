/**
 * `npm run new -- "Title"` scaffolds an article the build accepts as it is (frontmatter, figure, cover), with
 * the next order and today's date, and refuses to overwrite one.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFigures } from '../../src/node/precompute/collect-figures.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import { scanArticle } from '../../src/figures/scan.ts';
import { PROJECT_ROOT } from '../../src/node/paths.ts';

const run = promisify(execFile);
let content: string;

function newArticle(title: string) {
  // Node with tsx's loader, not npx: the same script in a third of the time.
  return run(process.execPath, ['--import', 'tsx', 'scripts/new-article.ts', title], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LAYERLENS_CONTENT: content },
  });
}

beforeAll(async () => {
  content = await mkdtemp(path.join(tmpdir(), 'layerlens-new-'));
  await mkdir(path.join(content, 'articles'));
  // An existing article: the new one comes after it.
  await writeFile(
    path.join(content, 'articles', 'first.mdx'),
    '---\ntitle: First\ndescription: D\nphoto: chelsea.png\norder: 7\n---\n\n<TopK />\n',
  );
});
afterAll(() => rm(content, { recursive: true, force: true }));

describe('npm run new', () => {
  it('writes an article that passes the checks, with the next order and the date; refuses a second run', async () => {
    const before = new Date().toISOString().slice(0, 10);
    const { stdout } = await newArticle('Edges, then textures!');
    const file = path.join(content, 'articles', 'edges-then-textures.mdx');
    expect(stdout).toContain(file);
    expect(stdout).toContain('npm run dev');
    const article = await scanArticle(file);
    expect(article.frontmatter).toMatchObject({ title: 'Edges, then textures!', photo: 'chelsea.png', order: 8 });
    expect([before, new Date().toISOString().slice(0, 10)]).toContain(article.frontmatter.date);
    expect(String(article.frontmatter.description)).toMatch(/^TODO/);
    expect(article.figures.map((f) => f.props.name)).toContain(article.frontmatter.cover);
    expect((await collectFigures(PROFILES.cpu, path.join(content, 'articles'))).problems).toEqual([]);

    const text = await readFile(file, 'utf8');
    const again = await newArticle('Edges, then textures!').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(again?.code).toBe(1);
    expect(again?.stderr).toMatch(/edges-then-textures\.mdx exists already/);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses a title without a letter or digit', async () => {
    await expect(newArticle('?!')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/at least one letter/),
    });
  });
});
