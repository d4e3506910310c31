/**
 * The Gram figure's chart: d3 draws it in place of the image when the figure scrolls into view, and again
 * when a reader's photo (or the way back) changes the matrices. d3 loads with it, never before.
 */
import type { LiveKind } from '../../contract/live.ts';
import { drawGramChart } from './chart.ts';
import type { GramData } from './recipe.ts';

export const live: LiveKind<GramData> = {
  wake: (figure) => void drawGramChart(figure),
  show: (figure) => figure.classList.contains('ll-gram-drawn') && void drawGramChart(figure),
  restore: (figure) => figure.classList.contains('ll-gram-drawn') && void drawGramChart(figure),
};
