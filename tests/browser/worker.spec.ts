/**
 * The page's engine runs in a Web Worker, and its automatic backend choice skips GPU backends that run on
 * the CPU (here: Chromium's SwiftShader WebGPU adapter and WebGL renderer), so it lands on wasm.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Worker } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, photoOutcome } from './page-helpers.ts';

test('the engine runs in a worker and the automatic choice skips software GPU backends', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/articles/fixture/');
  expect(workers).toEqual([]); // nothing starts before a reader asks
  await dropPhoto(page, await readFile(photoPath('dog.jpg')), 'dog.jpg', 'image/jpeg');
  const outcome = await photoOutcome(page);
  expect(outcome.state, outcome.text).toBe('done');
  expect(workers).toHaveLength(1);
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-engine-thread', 'worker');
  await expect(root).toHaveAttribute('data-engine-backend', 'wasm');
  const skipped = (await root.getAttribute('data-engine-skipped')) ?? '';
  expect(skipped).toMatch(/webgpu: software adapter \(google swiftshader\)/);
  expect(skipped).toMatch(/webgl: software renderer \(.*SwiftShader/);
  test.info().annotations.push({ type: 'automatic backend', description: `wasm; skipped ${skipped}` });
});

test('a lost WebGPU device is said, and the engine restarts on the next backend', async ({ page }) => {
  test.slow(); // software WebGPU takes seconds per figure here
  const workers: Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.goto('/articles/fixture/?backend=webgpu');
  await dropPhoto(page, await readFile(photoPath('dog.jpg')), 'dog.jpg', 'image/jpeg');
  expect((await photoOutcome(page)).state).toBe('done');
  await expect(page.locator('html')).toHaveAttribute('data-engine-backend', 'webgpu');
  // What a driver reset does: the device tfjs computes on goes away (tfjs keeps its engine on the worker's global).
  await workers[0]!.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine: { backend: { device: { destroy(): void } } } })._tfengine;
    engine.backend.device.destroy();
  });
  await page.locator('.ll-photo-status').evaluate((status: HTMLElement) => (status.dataset.state = 'busy'));
  await dropPhoto(page, await readFile(photoPath('eagle.jpg')), 'eagle.jpg', 'image/jpeg');
  const outcome = await photoOutcome(page);
  expect(outcome.state, outcome.text).toBe('done');
  const states = page.locator('.ll-figure[data-recipe] .ll-state');
  await expect(states.filter({ hasText: /The GPU device was lost \(.+\); restarted on wasm\./ })).toHaveCount(1);
  await expect(states.filter({ hasText: /^Recomputed for your photo on wasm/ })).toHaveCount(6);
});
