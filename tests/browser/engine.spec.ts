/**
 * Smoke test of the built site: the engine runs in the page on wasm and on WebGPU and gives the same
 * top-5 as the engine in Node on the same photo.
 */
import { expect, test } from '@playwright/test';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { photoPath } from '../helpers/images.ts';

const PHOTOS = ['chelsea.png', 'coffee.png'];

let nodeTop5: Record<string, number[]>;

test.beforeAll(async () => {
  await initNodeBackend('wasm');
  const network = await loadModel('tiny-darknet', { from: 'mirror' });
  nodeTop5 = {};
  for (const photo of PHOTOS) {
    const top = await network.classify(await decodeImageFile(photoPath(photo)), 5);
    nodeTop5[photo] = top.map((p) => p.index);
  }
  network.dispose();
});

for (const backend of ['wasm', 'webgpu'] as const) {
  for (const photo of PHOTOS) {
    test(`engine in Chromium on ${backend} matches Node for ${photo}`, async ({ page }) => {
      await page.goto(`/engine/?backend=${backend}&image=${photo}&run`);
      const status = page.locator('#engine-status');
      await expect(status).toHaveAttribute('data-state', /done|error/, { timeout: 150_000 });
      expect(await status.getAttribute('data-state'), (await status.textContent()) ?? '').toBe('done');
      await expect(status).toHaveAttribute('data-backend', backend);
      const top5 = JSON.parse((await page.locator('#engine-result').getAttribute('data-top5')) ?? '[]');
      expect(top5).toEqual(nodeTop5[photo]);
    });
  }
}
