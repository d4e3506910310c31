/**
 * The faithfulness figure's text: the deletion and insertion curves as inline SVG (lines in CSS colours,
 * so they follow the page's theme) and the areas under them in a table.
 */
import { colourBars, escapeHtml, formatValue, panelLabels, targetLine } from '../../common/attribution/markup.ts';
import { METHOD_LABELS } from '../../common/attribution/labels.ts';
import type { FaithfulnessData } from './recipe.ts';

const [W, H, PAD] = [300, 150, 28];

function chart(data: FaithfulnessData, which: 'deletion' | 'insertion'): string {
  const top = Math.max(1e-9, ...data.curves.flatMap((c) => c[which]));
  const lines = data.curves
    .map((c, m) => {
      const ys = c[which];
      const points = ys.map(
        (y, i) =>
          `${(PAD + (i / (ys.length - 1)) * (W - PAD)).toFixed(1)},${(H - PAD - (y / top) * (H - 2 * PAD) + PAD / 2).toFixed(1)}`,
      );
      return `<polyline class="ll-attr-line m${m}" points="${points.join(' ')}" fill="none" stroke-width="1.5"><title>${METHOD_LABELS[data.panels[m]!.method]}</title></polyline>`;
    })
    .join('');
  const measure = escapeHtml(data.target.measure);
  const title =
    which === 'deletion'
      ? 'Deletion: most important pixels greyed first (lower is better)'
      : 'Insertion: most important pixels restored into a blur first (higher is better)';
  return `<figure class="ll-attr-chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}">
<line x1="${PAD}" y1="${H - PAD / 2}" x2="${W}" y2="${H - PAD / 2}" stroke="currentColor" stroke-opacity="0.4"/>
<line x1="${PAD}" y1="${PAD / 2}" x2="${PAD}" y2="${H - PAD / 2}" stroke="currentColor" stroke-opacity="0.4"/>
<text x="${PAD - 4}" y="${PAD / 2 + 4}" text-anchor="end" font-size="9" fill="currentColor">${formatValue(top, data.target.measure)}</text>
<text x="${PAD - 4}" y="${H - PAD / 2}" text-anchor="end" font-size="9" fill="currentColor">0</text>
<text x="${W}" y="${H - 2}" text-anchor="end" font-size="9" fill="currentColor">share of pixels taken → 100%</text>
${lines}</svg><figcaption>${escapeHtml(title)}; y: ${measure}</figcaption></figure>`;
}

export function faithfulnessMarkup(data: FaithfulnessData): string {
  const legend = data.panels
    .map((p, m) => `<li><span class="ll-attr-swatch m${m}"></span>${METHOD_LABELS[p.method]}</li>`)
    .join('');
  const rows = data.panels
    .map((p, m) => {
      const c = data.curves[m]!;
      return `<tr><th scope="row"><span class="ll-attr-swatch m${m}"></span>${METHOD_LABELS[p.method]}</th><td>${c.deletionAuc.toFixed(3)}</td><td>${c.insertionAuc.toFixed(3)}</td></tr>`;
    })
    .join('');
  const table = `<div class="ll-attr-scroll" tabindex="0" role="region" aria-label="Areas under the curves"><table class="ll-attr-table"><thead><tr><th scope="col">Area under the curve</th><th scope="col">deletion (lower is better)</th><th scope="col">insertion (higher is better)</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return (
    panelLabels(data) +
    targetLine(data) +
    colourBars(data, data.palettes) +
    `<div class="ll-attr-curves">${chart(data, 'deletion')}${chart(data, 'insertion')}</div><ul class="ll-attr-legend">${legend}</ul>` +
    table
  );
}
