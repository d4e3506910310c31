/**
 * The figure inputs in the browser: models fetched from the site's /data/ folder (each loaded once, to the
 * depth the page's plan says), images decoded as the build decodes them, and the reader's photos, which
 * never leave the device: they are decoded here and kept under a ref ("reader/1") that recipes name.
 */
import { HttpSource, type ImagePixels, type ModelSpec } from '../../engine/index.ts';
import { CachedInputs } from '../../figures/inputs/cached-inputs.ts';
import type { PageEngine } from '../../figures/page-engine.ts';
import { decodeImage } from '../photo-input.ts';
import { dataUrl, figuresUrl } from './backend.ts';
import { parseSetIndex } from '../../figures/common/image-set/serialise.ts';
import { SET_INDEX_FOLDER, setIndexFile } from '../../figures/common/image-set/set-index.ts';

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
      // The build's index of the set, published beside the figures: the browser never re-runs the whole set.
      async setIndex(request) {
        const response = await fetch(figuresUrl(`${SET_INDEX_FOLDER}/${setIndexFile(request)}`));
        if (!response.ok)
          throw new Error(`The image set ${request.set} is not published with this site (HTTP ${response.status}).`);
        return parseSetIndex(await response.text());
      },
    },
    engine.plan,
  );
}
