/**
 * The overview in the reader's browser: a button over each map (hover or focus outlines the maps it reads;
 * a click or Enter opens its computation), the sample photos (each recomputes the whole overview in the
 * page's worker, as a reader's photo does), and the probabilities of a live result.
 */
import { figureData, setPhotoName } from '../../../client/figure-state.ts';
import { runLive } from '../../../client/live-run.ts';
import type { LiveKind } from '../../contract/live.ts';
import type { Recipe } from '../../registry/types.ts';
import { percent } from '../top-k/format.ts';
import { readsOf, type ColumnOutline } from './hotspots.ts';
import { renderPanel, type PanelTarget } from './panel.ts';
import type { NetworkOverviewData } from './recipe.ts';

const opened = new WeakMap<HTMLElement, PanelTarget>();

export const live: LiveKind<NetworkOverviewData> = {
  wake(figure) {
    const hotspots = figure.querySelector<HTMLElement>('.ll-overview-hotspots');
    if (!hotspots || hotspots.dataset.awake) return;
    hotspots.dataset.awake = '';
    const columns = JSON.parse(hotspots.dataset.columns!) as ColumnOutline[];
    for (const element of figure.querySelectorAll<HTMLElement>(
      '.ll-overview-hotspots, .ll-overview-presets, .ll-overview-hint',
    ))
      element.hidden = false;
    for (const button of figure.querySelectorAll<HTMLButtonElement>('.ll-overview-hot, .ll-overview-class')) {
      button.disabled = false;
      const target = targetOf(button);
      const reads =
        target.column === 'output' ? readsOf(columns, 'output') : readsOf(columns, target.column, target.channel);
      const outline = (on: boolean) => {
        for (const key of reads)
          figure.querySelector(`.ll-overview-hot[data-key="${key}"]`)?.classList.toggle('ll-reads', on);
      };
      button.addEventListener('pointerenter', () => outline(true));
      button.addEventListener('pointerleave', () => outline(false));
      button.addEventListener('focus', () => outline(true));
      button.addEventListener('blur', () => outline(false));
      button.addEventListener('click', () => void open(figure, target, button));
    }
    for (const preset of figure.querySelectorAll<HTMLButtonElement>('.ll-overview-preset'))
      preset.addEventListener('click', () => void runPreset(figure, preset));
  },
  show(figure, data) {
    showProbabilities(figure, data);
    for (const preset of figure.querySelectorAll('.ll-overview-preset')) preset.setAttribute('aria-pressed', 'false');
    void refresh(figure);
  },
  restore(figure) {
    void figureData(figure).then((data) => data && showProbabilities(figure, data as NetworkOverviewData));
    for (const preset of figure.querySelectorAll('.ll-overview-preset')) preset.setAttribute('aria-pressed', 'false');
    void refresh(figure);
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
  renderPanel(panel, data, target);
  panel.hidden = false;
}

function showProbabilities(figure: HTMLElement, data: NetworkOverviewData): void {
  if (!data.output) return;
  for (const button of figure.querySelectorAll<HTMLElement>('.ll-overview-class')) {
    const p = data.output.probabilities[Number(button.dataset.class)]!;
    button.querySelector('.ll-overview-prob')!.textContent = percent(p);
    button.querySelector<HTMLElement>('.ll-overview-bar')!.style.width = percent(p);
  }
}

/** A sample photo through the same compute, in the page's worker. */
async function runPreset(figure: HTMLElement, preset: HTMLButtonElement): Promise<void> {
  const recipe = { ...(JSON.parse(figure.dataset.recipe!) as Recipe), image: preset.dataset.ref! } as Recipe;
  const name = preset.dataset.ref!.split('/').pop()!;
  // A sample is the reader's choice for this run: without this, runLive would put the reader's photo back in.
  const follows = figure.dataset.follows;
  delete figure.dataset.follows;
  const outcome = await runLive(figure, recipe, {
    doneText: (o) => `Computed for ${name} on ${o.backend} in ${Math.round(o.ms)} ms.`,
  }).finally(() => {
    if (follows !== undefined) figure.dataset.follows = follows;
  });
  if (!outcome) return;
  setPhotoName(figure, name);
  preset.setAttribute('aria-pressed', 'true');
}
