/** The top-k table for a live result: its rows replaced, the precomputed rows kept to put back. */
import type { LiveKind } from '../../contract/live.ts';
import { percent } from './format.ts';
import type { TopKData } from './recipe.ts';

const precomputed = new WeakMap<HTMLElement, string>();

export const live: LiveKind<TopKData> = {
  show(figure, data) {
    const body = figure.querySelector<HTMLElement>('tbody')!;
    if (!precomputed.has(body)) precomputed.set(body, body.innerHTML);
    body.replaceChildren(
      ...data.predictions.map((p, i) => {
        const row = document.createElement('tr');
        const cells = [String(i + 1), p.label, percent(p.probability)].map((text) => {
          const cell = document.createElement('td');
          cell.textContent = text;
          return cell;
        });
        cells[2]!.className = 'num';
        const bar = document.createElement('td');
        bar.className = 'll-bar-cell';
        bar.innerHTML = `<span class="ll-bar" style="width: ${percent(p.probability)}"></span>`;
        row.append(...cells, bar);
        return row;
      }),
    );
  },
  restore(figure) {
    const body = figure.querySelector<HTMLElement>('tbody');
    const markup = body && precomputed.get(body);
    if (body && markup !== undefined && markup !== null) body.innerHTML = markup;
  },
};
