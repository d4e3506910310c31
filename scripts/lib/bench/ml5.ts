/**
 * ml5 0.12.2 for the fast-style benchmark, served to a page of its own. Not a devDependency: npm cannot
 * resolve it beside tfjs 4 (ml5 asks for tfjs-core/tfjs-converter 1.x as peers: ERESOLVE) and it would pull
 * in some 200 packages, while the benchmark needs one file, dist/ml5.min.js (tfjs 1.7 bundled inside). So
 * `npm pack` fetches the published tarball once (npm checks its integrity) and the file is kept under
 * .layerlens/bench/, checked against the SHA-256 below. LAYERLENS_ML5 may name a copy of ml5.min.js instead.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { workDir } from '../../../src/node/paths.ts';

export const ML5_VERSION = '0.12.2';
const ML5_SHA256 = '8906ded3234dd3792a2dcef790c1f27033f059313f8b85bc8f81e10420e8c346';
const HARNESS = path.join(path.dirname(new URL(import.meta.url).pathname), 'ml5-harness.js');

/** Path of ml5.min.js: LAYERLENS_ML5, or the cached copy (fetched with npm pack on first use). */
export async function ml5Script(): Promise<string> {
  if (process.env.LAYERLENS_ML5) return process.env.LAYERLENS_ML5;
  const cached = path.join(workDir(), 'bench', `ml5-${ML5_VERSION}`, 'ml5.min.js');
  if (!existsSync(cached)) await fetchMl5(cached);
  const digest = createHash('sha256')
    .update(await readFile(cached))
    .digest('hex');
  if (digest !== ML5_SHA256)
    throw new Error(`${cached} has SHA-256 ${digest}, expected ${ML5_SHA256}: delete it to fetch it again.`);
  return cached;
}

async function fetchMl5(target: string): Promise<void> {
  const temp = await mkdtemp(path.join(tmpdir(), 'layerlens-ml5-'));
  try {
    const tarball = execFileSync('npm', ['pack', `ml5@${ML5_VERSION}`, '--silent', '--pack-destination', temp], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1)!;
    execFileSync('tar', ['-xzf', path.join(temp, tarball), '-C', temp, 'package/dist/ml5.min.js']);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(temp, 'package/dist/ml5.min.js'), target);
  } catch (error) {
    throw new Error(
      `Could not fetch ml5@${ML5_VERSION} with npm pack (${error instanceof Error ? error.message : String(error)}); set LAYERLENS_ML5 to a copy of its dist/ml5.min.js.`,
      { cause: error },
    );
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Opens the ml5 page at origin/__ml5/ (answered by Playwright, not the site), starts ml5's tfjs on the
 * backend and loads the checkpoint at modelUrl.
 */
export async function openMl5Page(page: Page, origin: string, backend: string, modelUrl: string): Promise<void> {
  const [ml5, harness] = await Promise.all([readFile(await ml5Script()), readFile(HARNESS)]);
  await page.route(`${origin}/__ml5/**`, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').at(-1);
    if (file === 'ml5.min.js') return route.fulfill({ body: ml5, contentType: 'text/javascript' });
    if (file === 'harness.js') return route.fulfill({ body: harness, contentType: 'text/javascript' });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><meta charset="utf-8"><title>ml5 bench</title><script src="ml5.min.js"></script><script src="harness.js"></script>',
    });
  });
  await page.goto(`${origin}/__ml5/index.html`);
  await page.waitForFunction(() => 'ml5Bench' in window && 'ml5' in window);
  const got = await page.evaluate(
    async ([b, url]) => (await window.ml5Bench.start(b), await window.ml5Bench.load(url), window.ml5.tf.getBackend()),
    [backend, modelUrl] as const,
  );
  if (got !== backend) throw new Error(`ml5 started ${got}, not ${backend}`);
}

declare global {
  interface Window {
    /** ml5-harness.js */
    ml5Bench: {
      start(backend: string): Promise<string>;
      load(url: string): Promise<void>;
      setIm2col(on: boolean): void;
      time(
        kind: 'forward' | 'transfer',
        rgb: string,
        width: number,
        height: number,
        warmup: number,
        runs: number,
      ): Promise<number[]>;
      output(rgb: string, width: number, height: number): Promise<string>;
    };
    ml5: { tf: { getBackend(): string } };
  }
}
