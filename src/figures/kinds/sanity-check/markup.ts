/** The sanity check's text: which layers each column has randomised, and each map's rank correlation. */
import { colourBars, escapeHtml, targetLine } from '../../common/attribution/markup.ts';
import { METHOD_LABELS } from '../../common/attribution/labels.ts';
import type { SanityCheckData } from './recipe.ts';

function heading(layer: string, i: number): string {
  return i === 0 ? 'original' : `… to ${layer}`;
}

export function sanityMarkup(data: SanityCheckData): string {
  const columns = `<ol class="ll-tile-labels" style="--columns: ${data.columns}">${data.layers.map((l, i) => `<li>${escapeHtml(heading(l, i))}</li>`).join('')}</ol>`;
  const head = `<tr><th scope="col">Spearman's ρ with the original</th>${data.layers.map((l, i) => `<th scope="col">${escapeHtml(heading(l, i))}</th>`).join('')}</tr>`;
  const rows = data.panels
    .map((panel, r) => {
      const cells = (data.rho[r] ?? []).map((rho) => `<td>${rho === null ? '— (constant map)' : rho.toFixed(2)}</td>`);
      return `<tr><th scope="row">${METHOD_LABELS[panel.method]}</th>${cells.join('')}</tr>`;
    })
    .join('');
  const table = `<div class="ll-attr-scroll" tabindex="0" role="region" aria-label="Rank correlations with the original maps"><table class="ll-attr-table"><caption>One row of maps per method, top to bottom; each column randomises one more layer, from the output down.</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
  return columns + table + targetLine(data) + colourBars(data, data.palettes);
}
