/**
 * The precompute cache. An entry is keyed by the hash of everything that determines the figure: the
 * engine's code, the model's weights, the input image and the recipe. Images are stored under the hash of
 * their content. Writes are atomic (temporary file, then rename) and the entry's JSON is written last, so
 * an interrupted run leaves no entry that points at a missing or half-written file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../../engine/index.ts';
import type { Recipe } from '../../figures/registry/types.ts';
import type { ManifestFigure } from '../../figures/manifest.ts';
import { hashOf, stableStringify } from '../../figures/key.ts';
import { writeAtomically } from '../atomic-write.ts';

export interface CacheInputs {
  recipe: Recipe;
  /** Hash of the engine's source code. */
  engine: string;
  /** Hash of the model's weight files (from the registry checksums). */
  weights: string;
  /** Hash of the input image's bytes ('' for figures without a photo). */
  image: string;
}

/** A cache entry is exactly what the manifest lists for a figure. */
export type CachedFigure = ManifestFigure;

export function cacheKey(inputs: CacheInputs): string {
  return hashOf(stableStringify(inputs.recipe), inputs.engine, inputs.weights, inputs.image);
}

export class FigureCache {
  constructor(readonly dir: string) {}

  get filesDir(): string {
    return path.join(this.dir, 'files');
  }

  /** The entry for this key, or null when absent or when its image file is gone. */
  async read(key: string): Promise<CachedFigure | null> {
    try {
      const entry = JSON.parse(await readFile(this.entryPath(key), 'utf8')) as CachedFigure;
      const files = [entry.meta, entry.image?.file].filter((f): f is string => Boolean(f));
      if (files.some((file) => !existsSync(path.join(this.filesDir, file)))) return null;
      return entry;
    } catch {
      return null;
    }
  }

  /** Stores the image (PNG, lossless) and the metadata under their content hashes, then the entry. */
  async write(
    key: string,
    entry: Omit<CachedFigure, 'cacheKey' | 'image' | 'meta'>,
    image?: RgbaImage,
  ): Promise<CachedFigure> {
    const meta = await this.storeFile(
      JSON.stringify({ recipe: entry.recipe, data: entry.data, backend: entry.backend }),
      'json',
    );
    const stored: CachedFigure = { cacheKey: key, ...entry, meta };
    if (image)
      stored.image = {
        file: await this.storeFile(await encodePng(image), 'png'),
        width: image.width,
        height: image.height,
      };
    await writeAtomically(this.entryPath(key), JSON.stringify(stored));
    return stored;
  }

  private async storeFile(content: Uint8Array | string, extension: string): Promise<string> {
    const file = `${hashOf(content).slice(0, 20)}.${extension}`;
    const target = path.join(this.filesDir, file);
    if (!existsSync(target)) await writeAtomically(target, content);
    return file;
  }

  private entryPath(key: string): string {
    return path.join(this.dir, 'entries', `${key}.json`);
  }
}

/** RGB PNG (the atlases are opaque), maximum compression: exact pixels, smallest file. */
export function encodePng(image: RgbaImage): Promise<Buffer> {
  return sharp(Buffer.from(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .removeAlpha()
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}
