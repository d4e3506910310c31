/** The text under the patches, the same on the server and live: each unit's images and the photo's rank. */
import type { TopPatchesData } from './recipe.ts';
import { escapeHtml } from '../../common/html.ts';

export function topPatchesMarkup(data: TopPatchesData): string {
  const rows = data.rows.map((row) => {
    const images = row.patches
      .map((p) => `${escapeHtml(p.caption.replace(/\.$/, ''))} <span class="ll-set-score">${p.score.toFixed(1)}</span>`)
      .join(', ');
    const { value, rank, of } = row.reader;
    return `<li><strong>Unit ${row.unit}</strong>: ${images}; <em>your photo</em> <span class="ll-set-score">${value.toFixed(1)}</span>, rank ${rank} of ${of}</li>`;
  });
  return `<p>Each row is one unit of ${escapeHtml(data.layer)}; each patch is its ${data.field}-pixel window around the unit's strongest position, faded where the unit does not look (the gradient's magnitude); the last column is the photo. Peak activations:</p><ol class="ll-tp-rows">${rows.join('')}</ol>`;
}
