/**
 * The overview in the reader's browser: a button over each map (hover or focus outlines the maps it reads;
 * a click or Enter opens its computation), the sample photos and the channel pages (each recomputes the
 * whole overview in the page's worker, as a reader's photo does), and the probabilities of a live result.
 * Events are handled once on the figure, so the buttons can be relabelled when a page shows other channels.
 */
import { figureData, setPhotoName } from '../../../client/figure-state.ts';
import { runLive } from '../../../client/live-run.ts';
import type { LiveKind } from '../../contract/live.ts';
import { percent } from '../top-k/format.ts';
import { hotspots, readsOf, type ColumnOutline } from './hotspots.ts';
import { renderPanel, type PanelTarget } from './panel.ts';
import type { NetworkOverviewData, NetworkOverviewRecipe } from './recipe.ts';

const opened = new WeakMap<HTMLElement, PanelTarget>();
/** The recipe the page was built with, to put back with the precomputed figure after paging. */
const original = new WeakMap<HTMLElement, string>();
const TARGETS = '.ll-overview-hot, .ll-overview-class';

export const live: LiveKind<NetworkOverviewData> = {
  wake(figure) {
    const layer = figure.querySelector<HTMLElement>('.ll-overview-hotspots');
    if (!layer || layer.dataset.awake !== undefined) return;
    layer.dataset.awake = '';
    original.set(figure, figure.dataset.recipe!);
    for (const element of figure.querySelectorAll<HTMLElement>(
      '.ll-overview-hotspots, .ll-overview-presets, .ll-overview-pages, .ll-overview-hint',
    ))
      element.hidden = false;
    for (const button of figure.querySelectorAll<HTMLButtonElement>('.ll-overview-class')) button.disabled = false;
    const outline = (event: Event, on: boolean) => {
      const button = (event.target as Element).closest<HTMLElement>(TARGETS);
      if (!button) return;
      const columns = JSON.parse(layer.dataset.columns!) as ColumnOutline[];
      const target = targetOf(button);
      for (const key of readsOf(columns, target.column, target.channel))
        figure.querySelector(`.ll-overview-hot[data-key="${key}"]`)?.classList.toggle('ll-reads', on);
    };
    figure.addEventListener('pointerover', (event) => outline(event, true));
    figure.addEventListener('pointerout', (event) => outline(event, false));
    figure.addEventListener('focusin', (event) => outline(event, true));
    figure.addEventListener('focusout', (event) => outline(event, false));
    figure.addEventListener('click', (event) => {
      const target = event.target as Element;
      const button = target.closest<HTMLElement>(TARGETS);
      if (button) return void open(figure, targetOf(button), button);
      const preset = target.closest<HTMLElement>('.ll-overview-preset');
      if (preset) return void runPreset(figure, preset);
      const page = target.closest<HTMLElement>('.ll-overview-page');
      if (page) void turnPage(figure, Number(page.dataset.step));
    });
  },
  show(figure, data) {
    showData(figure, data);
    for (const preset of figure.querySelectorAll('.ll-overview-preset')) preset.setAttribute('aria-pressed', 'false');
  },
  restore(figure) {
    const recipe = original.get(figure);
    if (recipe) figure.dataset.recipe = recipe;
    for (const preset of figure.querySelectorAll('.ll-overview-preset')) preset.setAttribute('aria-pressed', 'false');
    void figureData(figure).then((data) => data && showData(figure, data as NetworkOverviewData));
  },
};

function targetOf(button: HTMLElement): PanelTarget {
  if (button.dataset.class !== undefined) return { column: 'output', channel: Number(button.dataset.class) };
  const [column, channel] = button.dataset.key!.split(':').map(Number) as [number, number];
  return { column, channel };
}

/** Opens (or closes, when it is open) the computation of a map or of the output. */
async function open(figure: HTMLElement, target: PanelTarget, button: HTMLElement): Promise<void> {
  const panel = figure.querySelector<HTMLElement>('.ll-overview-panel')!;
  const current = opened.get(figure);
  for (const other of figure.querySelectorAll('[aria-expanded="true"]')) other.setAttribute('aria-expanded', 'false');
  if (current && current.column === target.column && current.channel === target.channel && !panel.hidden) {
    opened.delete(figure);
    panel.hidden = true;
    return;
  }
  opened.set(figure, target);
  button.setAttribute('aria-expanded', 'true');
  await refresh(figure);
}

/** Draws the open panel again from the figure's current data (a new photo or sample changes every number). */
async function refresh(figure: HTMLElement): Promise<void> {
  const target = opened.get(figure);
  const panel = figure.querySelector<HTMLElement>('.ll-overview-panel');
  if (!target || !panel) return;
  const data = (await figureData(figure)) as NetworkOverviewData | null;
  if (!data || opened.get(figure) !== target) return;
  const column = target.column === 'output' ? null : data.columns[target.column];
  // Another page may no longer draw the open map: close its panel rather than show another.
  if (column && !column.channels.includes(target.channel)) {
    opened.delete(figure);
    panel.hidden = true;
    return;
  }
  renderPanel(panel, data, target);
  panel.hidden = false;
}

/** The buttons, probabilities and panel for this data (the maps drawn can change with the page). */
function showData(figure: HTMLElement, data: NetworkOverviewData): void {
  const layer = figure.querySelector<HTMLElement>('.ll-overview-hotspots');
  if (layer) {
    layer.dataset.columns = JSON.stringify(data.columns.map((c) => ({ kind: c.kind, channels: c.channels })));
    const buttons = layer.querySelectorAll<HTMLElement>('.ll-overview-hot');
    hotspots(data).forEach((spot, i) => {
      buttons[i]?.setAttribute('data-key', spot.key);
      buttons[i]?.setAttribute('aria-label', spot.label);
    });
  }
  for (const button of figure.querySelectorAll<HTMLElement>('.ll-overview-class')) {
    const p = data.output?.probabilities[Number(button.dataset.class)] ?? 0;
    button.querySelector('.ll-overview-prob')!.textContent = percent(p);
    button.querySelector<HTMLElement>('.ll-overview-bar')!.style.width = percent(p);
  }
  const recipe = JSON.parse(figure.dataset.recipe!) as NetworkOverviewRecipe;
  const note = figure.querySelector('.ll-overview-page-note');
  if (note) note.textContent = `Page ${recipe.page + 1}`;
  void refresh(figure);
}

/** A sample photo through the same compute, in the page's worker. */
async function runPreset(figure: HTMLElement, preset: HTMLElement): Promise<void> {
  const recipe = { ...(JSON.parse(figure.dataset.recipe!) as NetworkOverviewRecipe), image: preset.dataset.ref! };
  const name = preset.dataset.ref!.split('/').pop()!;
  const outcome = await runLive(figure, recipe, {
    doneText: (o) => `Computed for ${name} on ${o.backend} in ${Math.round(o.ms)} ms.`,
    ownImage: true,
  });
  if (!outcome) return;
  setPhotoName(figure, name);
  preset.setAttribute('aria-pressed', 'true');
}

/** The next (or previous) channels of every layer; the page stays for a reader's photo that comes later. */
async function turnPage(figure: HTMLElement, step: number): Promise<void> {
  const current = JSON.parse(figure.dataset.recipe!) as NetworkOverviewRecipe;
  const recipe = { ...current, page: Math.max(0, current.page + step) };
  figure.dataset.recipe = JSON.stringify(recipe);
  const outcome = await runLive(figure, recipe, {
    doneText: (o) => `Page ${recipe.page + 1} of the channels on ${o.backend} in ${Math.round(o.ms)} ms.`,
  });
  if (!outcome) figure.dataset.recipe = JSON.stringify(current);
}
