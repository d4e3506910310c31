/** The text beside the map, the same on the server and live: the legend, and where the photo landed. */
import type { EmbeddingMapData } from './recipe.ts';
import { escapeHtml } from '../../common/html.ts';

const METHOD_NAMES = { pca: 'PCA', umap: 'UMAP' } as const;

export function mapMethods(data: Pick<EmbeddingMapData, 'panels'>): string {
  return data.panels.map((p) => METHOD_NAMES[p.method]).join(' and ');
}

export function embeddingMapMarkup(data: EmbeddingMapData): string {
  const legend = Object.entries(data.colours)
    .map(([c, colour]) => `<li><span class="ll-map-swatch" style="background:${colour}"></span>${escapeHtml(c)}</li>`)
    .join('');
  const near = data.neighbours
    .map((n) => `${escapeHtml(n.caption.replace(/\.$/, ''))} <span class="ll-set-score">${n.score.toFixed(2)}</span>`)
    .join(', ');
  return `<ul class="ll-map-legend-static" aria-label="Categories">${legend}</ul><p>Your photo (blue ring) is placed at the weighted average of its ${data.neighbours.length} nearest images in ${escapeHtml(data.layer)} feature space (weights: the inverse cosine distance to the 4th power, so the nearest pull hardest), never by re-fitting the map: ${near}.</p>`;
}
