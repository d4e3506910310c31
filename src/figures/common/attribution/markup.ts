/**
 * The text around attribution maps (which method, its settings, the target and its value, Integrated
 * Gradients' completeness, the colour bar): HTML built from the figure's data, the same string at build
 * time (Astro) and for a reader's photo (live), so both say the same thing. No tfjs, no DOM.
 */
import { completenessText, drawingNote, METHOD_LABELS } from './labels.ts';
import type { AttributionData, PanelData } from './recipe.ts';
import { escapeHtml } from '../html.ts';

export { escapeHtml };

/** A value as the page shows it: probabilities as percentages. */
export function formatValue(value: number, measure: string): string {
  return measure === 'probability' ? `${(value * 100).toFixed(1)}%` : value.toPrecision(3);
}

function panelLabel(panel: PanelData): string {
  const settings = panel.settings ? ` <span>· ${escapeHtml(panel.settings)}</span>` : '';
  const completeness = panel.completeness
    ? `<br><span class="ll-attr-completeness">${escapeHtml(completenessText(panel.completeness))}</span>`
    : '';
  return `<li><strong>${METHOD_LABELS[panel.method]}</strong>${settings}${completeness}</li>`;
}

/** One label per tile, in the atlas's columns. */
export function panelLabels(data: AttributionData, panels = data.panels): string {
  return `<ol class="ll-tile-labels" style="--columns: ${data.columns}">${panels.map(panelLabel).join('')}</ol>`;
}

/** "Explaining: tabby (class 281), probability 63.1% for this photo." */
export function targetLine(data: AttributionData): string {
  const { label, value, measure } = data.target;
  return `<p class="ll-attr-target">Explaining <strong>${escapeHtml(label)}</strong>: ${escapeHtml(measure)} ${formatValue(value, measure)} for this photo.</p>`;
}

/** The colour bar(s) for the kinds of map shown, with how every map is drawn. */
export function colourBars(data: AttributionData, palettes: { signed: string; unsigned: string }): string {
  const kinds = [...new Set(data.panels.map((p) => p.signed))];
  return kinds
    .map((signed) => {
      const [low, high] = signed ? ['against', 'for'] : ['none', 'most'];
      const ramp = signed ? palettes.signed : palettes.unsigned;
      return `<p class="ll-colourbar"><span>${low}</span><span class="ll-colourbar-ramp" style="background: ${ramp}"></span><span>${high}</span> <small>${escapeHtml(drawingNote(signed))}</small></p>`;
    })
    .join('');
}

/** Everything but the image, for the kinds that show one or more maps. */
export function mapsMarkup(data: AttributionData, palettes: { signed: string; unsigned: string }): string {
  return panelLabels(data) + targetLine(data) + colourBars(data, palettes);
}
