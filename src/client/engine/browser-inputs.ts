/**
 * The figure inputs in the browser: models fetched from the site's /data/ folder (each loaded once, to the
 * depth the page's plan says), images decoded as the build decodes them, and the reader's photos, which
 * never leave the device: they are decoded here and kept under a ref ("reader/1") that recipes name.
 */
import { HttpSource, type ImagePixels, type ModelSpec } from '../../engine/index.ts';
import { CachedInputs } from '../../figures/inputs/cached-inputs.ts';
import type { PageEngine } from '../../figures/page-engine.ts';
import { decodeImage } from '../photo-input.ts';
import { dataUrl } from './backend.ts';

export const READER_PACK = 'reader';

export function browserInputs(engine: PageEngine, photos: Map<string, ImagePixels>): CachedInputs {
  const specs = new Map<string, ModelSpec>(engine.models.map((spec) => [spec.id, spec]));
  return new CachedInputs(
    {
      spec(model) {
        const spec = specs.get(model);
        if (!spec) throw new Error(`model ${model} is not described on this page`);
        return spec;
      },
      source: (model) => new HttpSource(dataUrl(model)),
      async decode(ref) {
        const photo = photos.get(ref);
        if (photo) return photo;
        if (ref.startsWith(`${READER_PACK}/`)) throw new Error('That photo was replaced by a newer one.');
        const [pack, ...file] = ref.split('/');
        const response = await fetch(dataUrl(pack!, file.join('/')));
        if (!response.ok) throw new Error(`${ref}: HTTP ${response.status}`);
        return decodeImage(await response.blob());
      },
    },
    engine.plan,
  );
}
