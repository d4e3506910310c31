/** The text beside the neighbours' image, the same on the server and live: each row's images and scores. */
import type { SetMember } from '../../common/image-set/recipe.ts';
import type { NeighboursData } from './recipe.ts';
import { escapeHtml } from '../../common/html.ts';

function list(members: SetMember[], score: (m: SetMember) => string): string {
  return members.map((m) => `<li>${escapeHtml(m.caption)} <span class="ll-nn-score">${score(m)}</span></li>`).join('');
}

export function neighboursMarkup(data: NeighboursData): string {
  const feature = `<p class="ll-nn-row"><strong>Feature space</strong> (${escapeHtml(data.layer)} features, cosine similarity):</p><ol>${list(data.feature, (m) => m.score.toFixed(2))}</ol>`;
  if (!data.pixel.length) return feature;
  const pixel = `<p class="ll-nn-row"><strong>Pixel space</strong> (the images at 32x32 RGB in [0, 1], Euclidean distance):</p><ol>${list(data.pixel, (m) => m.score.toFixed(1))}</ol>`;
  return feature + pixel;
}
