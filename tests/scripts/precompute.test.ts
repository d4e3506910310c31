/**
 * The precompute script on the fixture article: a cold run computes every figure, a warm run reuses every
 * one, a changed prop recomputes only that figure, and broken articles fail with file and line.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.ts';

const run = promisify(execFile);
let work: string;
let content: string;

async function precompute(contentDir: string) {
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/precompute.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LAYERLENS_CONTENT: contentDir, LAYERLENS_WORK: path.join(work, 'work') },
    });
    const report = JSON.parse(await readFile(path.join(work, 'work', 'precompute-report.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    return { code: 0, stderr, report };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr, report: null };
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'layerlens-precompute-'));
  content = path.join(work, 'content');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/basic/content'), content, { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('precompute', () => {
  it('computes every figure on a cold cache, with a report', async () => {
    const result = await precompute(content);
    expect(result.code, result.stderr).toBe(0);
    expect(result.report).toMatchObject({
      computed: 49,
      reused: 0,
      backend: 'wasm',
      profile: 'cpu',
      articles: 12,
      notFetched: 2,
    });
    expect(result.report!.seconds).toBeGreaterThan(0);
    // Each image set's index is built once, before the figures that read it: the corpus's (last-layer.mdx,
    // three figures) and the fixture's own set's (own-images.mdx, one).
    expect(result.report!.setIndexSeconds).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/Indexed 2 image-set layer\(s\) in/);
    expect(result.stderr).toMatch(/\[#+\] 49\/49 figures to compute done in/);
    expect(result.stderr).toMatch(/Skipped \(weights not fetched\): .*fixture\.mdx:19:1/);
    expect(result.stderr).toMatch(
      /Skipped \(weights not fetched\): .*style\.mdx:17:1: <StyleGrid> vgg19\/block4_conv2/,
    );
  });

  it('reuses every figure when nothing changed', async () => {
    const result = await precompute(content);
    expect(result.report).toMatchObject({ computed: 0, reused: 49, setIndexSeconds: 0 });
  });

  it('recomputes only the figure whose props changed', async () => {
    const file = path.join(content, 'articles/fixture.mdx');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('<TopK k={3}>', '<TopK k={4}>'));
    const result = await precompute(content);
    expect(result.report).toMatchObject({ computed: 1, reused: 48 });
  });

  it('fails on a broken article, listing every problem with file and line', async () => {
    const result = await precompute(path.join(PROJECT_ROOT, 'tests/fixtures/invalid/content'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /broken\.mdx:7:1: <FeatureMapGrid> unknown layer "conv2d_99" for model tiny-darknet \(did you mean "conv2d_9"\?\); valid layers: conv2d_1/,
    );
    expect(result.stderr.match(/broken\.mdx:\d+:\d+/g)).toHaveLength(10);
    expect(result.stderr).toMatch(/broken\.mdx:23:1: <StyleGrid> image "styles\/la_muse\.jpg" may not be published/);
    expect(result.stderr).toMatch(
      /broken\.mdx:25:1: <GatysPanel> unknown layer "block9_conv1" for model vgg19 \(did you mean "block1_conv1"\?\); valid layers: block1_conv1, block1_conv2/,
    );
  });
});
