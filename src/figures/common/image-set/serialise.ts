/** A set index to JSON and back (typed arrays as base64). */
import { floatsFromBase64, floatsToBase64, fromBase64, toBase64, uintsFromBase64, uintsToBase64 } from './encode.ts';
import type { SetIndex } from './set-index.ts';

export function serialiseSetIndex(index: SetIndex): string {
  return JSON.stringify({
    ...index,
    features: floatsToBase64(index.features),
    pixels: toBase64(index.pixels),
    peaks: index.peaks && {
      ...index.peaks,
      values: floatsToBase64(index.peaks.values),
      positions: uintsToBase64(index.peaks.positions),
    },
    layouts: { pca: floatsToBase64(index.layouts.pca), umap: floatsToBase64(index.layouts.umap) },
  });
}

type Encoded = Omit<SetIndex, 'features' | 'pixels' | 'peaks' | 'layouts'> & {
  features: string;
  pixels: string;
  peaks?: { grid: [number, number]; channels: number; values: string; positions: string };
  layouts: { pca: string; umap: string };
};

export function parseSetIndex(text: string): SetIndex {
  const raw = JSON.parse(text) as Encoded;
  return {
    ...raw,
    features: floatsFromBase64(raw.features),
    pixels: fromBase64(raw.pixels),
    peaks: raw.peaks && {
      ...raw.peaks,
      values: floatsFromBase64(raw.peaks.values),
      positions: uintsFromBase64(raw.peaks.positions),
    },
    layouts: { pca: floatsFromBase64(raw.layouts.pca), umap: floatsFromBase64(raw.layouts.umap) },
  };
}
