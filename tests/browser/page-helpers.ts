/** Helpers for driving an article page: give it a photo as a reader would, and read figure pixels back. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';

export const ARTICLE = '/articles/fixture/?backend=wasm';

/** Drops a file on the page with a real drop event (the reader's drag and drop). */
export async function dropPhoto(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ data, fileName, mime }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: mime }));
      return transfer;
    },
    { data: [...bytes], fileName: name, mime: type },
  );
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

/** Waits until the photo control reports done or an error; returns its state and message. */
export async function photoOutcome(page: Page): Promise<{ state: string; text: string }> {
  const status = page.locator('.ll-photo-status');
  await page.waitForFunction(
    () => ['done', 'error'].includes(document.querySelector<HTMLElement>('.ll-photo-status')?.dataset.state ?? ''),
    null,
    { timeout: 150_000 },
  );
  return { state: (await status.getAttribute('data-state'))!, text: (await status.textContent())! };
}

/** Every figure's state attribute, in page order. */
export function figureStates(page: Page): Promise<string[]> {
  return page.$$eval('.ll-figure[data-recipe]', (figures) =>
    figures.map((f) => (f as HTMLElement).dataset.state ?? ''),
  );
}

export interface PixelComparison {
  sizeA: [number, number];
  sizeB: [number, number];
  /** Largest difference of one channel value (0-255). */
  worst: number;
  /** Share of channel values that differ at all. */
  differing: number;
}

/** Compares two images pixel by pixel in the page (as the browser decodes them). */
export function compareImages(page: Page, urlA: string, urlB: string): Promise<PixelComparison> {
  return page.evaluate(
    async ([a, b]) => {
      const read = async (src: string) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([read(a), read(b)]);
      let worst = 0;
      let differing = 0;
      const n = Math.min(x.data.length, y.data.length);
      for (let i = 0; i < n; i++) {
        const d = Math.abs(x.data[i]! - y.data[i]!);
        if (d > worst) worst = d;
        if (d > 0) differing++;
      }
      return {
        sizeA: [x.width, x.height] as [number, number],
        sizeB: [y.width, y.height] as [number, number],
        worst,
        differing: differing / n,
      };
    },
    [urlA, urlB] as const,
  );
}

/**
 * Recomputes the page for its own photo (chelsea.png) and checks the images of `selector` against the
 * precomputed ones: same size, at most `worst` apart on any value, and at most `share` of values differing.
 * Each figure's measured difference is recorded as a test annotation. Returns how many figures it compared.
 */
export async function expectOwnPhotoParity(
  page: Page,
  selector: string,
  limits: { worst: number; share: number },
): Promise<number> {
  const originals = await page.$$eval(selector, (imgs) => imgs.map((i) => (i as HTMLImageElement).src));
  await dropPhoto(page, await readFile(photoPath('chelsea.png')), 'chelsea.png', 'image/png');
  expect((await photoOutcome(page)).state).toBe('done');
  const lives = await page.$$eval(selector, (imgs) => imgs.map((i) => (i as HTMLImageElement).src));
  expect(lives).toHaveLength(originals.length);
  for (const [f, live] of lives.entries()) {
    const { sizeA, sizeB, worst, differing } = await compareImages(page, live, originals[f]!);
    expect(sizeA).toEqual(sizeB);
    test.info().annotations.push({
      type: 'parity',
      description: `figure ${f}: worst ${worst}/255, ${(differing * 100).toFixed(4)}% of values differ`,
    });
    expect(worst, `figure ${f}: largest difference`).toBeLessThanOrEqual(limits.worst);
    expect(differing, `figure ${f}: share of values that differ`).toBeLessThan(limits.share);
  }
  return lives.length;
}

/** A number a figure's formula or text shows, by its slot, where it shows (a slot may sit in a hidden row). */
export function visibleSlot(figure: Locator, key: string): Locator {
  return figure.locator(`[data-math-slot="${key}"], [data-slot="${key}"]`).filter({ visible: true });
}
