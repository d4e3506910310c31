/**
 * The embedding map's words and colours: a palette slot per group, the legend, the points' accessible
 * names and the caption line under the map.
 */
import type { MapPoint, ReaderPoint } from './map-view.ts';

/** The categorical palette's size (map-view.css defines --ll-map-c0 … --ll-map-c10); more groups repeat it. */
const PALETTE = 11;

/** Each group's palette slot, in order of first appearance (the author's order, not the alphabet's). */
export function groupSlots(points: readonly MapPoint[]): Map<string, number> {
  const slots = new Map<string, number>();
  for (const p of points) if (!slots.has(p.group)) slots.set(p.group, slots.size % PALETTE);
  return slots;
}

/** An inline style that gives an element its group's colour as --g (rings, swatches). */
export const groupColour = (slot: number | undefined) => `--g: var(--ll-map-c${slot ?? 0})`;

/** A point's accessible name. */
export const pointLabel = (p: MapPoint) => `${p.caption} (${p.group})`;

/** The reader's accessible name and caption: its own caption, and what the network puts next to it. */
export function readerLabel(reader: ReaderPoint, points: readonly MapPoint[]): string {
  const near = reader.neighbours.flatMap((i) => points[i]?.caption ?? []);
  return near.length ? `${reader.caption}. Nearest: ${near.join(' · ')}` : reader.caption;
}

const span = (className: string, text = '') =>
  Object.assign(document.createElement('span'), { className, textContent: text });

/** The legend: a swatch and a name per group, with how many images it has. */
export function drawLegend(points: readonly MapPoint[], slots: Map<string, number>): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'll-map-legend';
  list.setAttribute('aria-label', 'Groups');
  for (const [group, slot] of slots) {
    const item = list.appendChild(document.createElement('li'));
    item.setAttribute('style', groupColour(slot));
    const count = points.filter((p) => p.group === group).length;
    item.append(swatch(), `${group} `, span('ll-map-count', `(${count})`));
  }
  return list;
}

function swatch(): HTMLSpanElement {
  const mark = span('ll-map-swatch');
  mark.setAttribute('aria-hidden', 'true');
  return mark;
}

const HINT = 'Point at an image or tap it to read its caption, or Tab to the map and use the arrow keys.';

/**
 * The caption line: the active point's caption and group, the reader's caption and neighbours, or how
 * to get a caption. Not a live region: it follows focus, whose name a screen reader already speaks.
 */
export function showCaption(line: HTMLElement, active: MapPoint | string | undefined, slots: Map<string, number>) {
  line.classList.toggle('is-hint', active === undefined);
  line.removeAttribute('style');
  if (active === undefined) return line.replaceChildren(HINT);
  const mark = swatch();
  if (typeof active === 'string') {
    mark.classList.add('is-reader');
    return line.replaceChildren(mark, active);
  }
  line.setAttribute('style', groupColour(slots.get(active.group)));
  line.replaceChildren(mark, `${active.caption} `, span('ll-map-group', active.group));
}
