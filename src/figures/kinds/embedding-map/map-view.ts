/**
 * The embedding map's live view: each image as a thumbnail where the layout put it, ringed in its group's
 * colour, and the reader's photo as a disc joined to its nearest neighbours. Pure DOM and d3; the page
 * computes the layout and hands it over.
 *
 * SVG, not canvas: a few hundred thumbnails are few enough for the DOM, and each point can then be a
 * focusable element with its own accessible name, with no invisible second copy of the map to keep in step.
 */
import { select, zoomIdentity, type ZoomTransform } from 'd3';
import { keyAction, nearestInDirection, nearestTo } from './map-keys.ts';
import { drawLegend, groupSlots, readerLabel, showCaption } from './map-legend.ts';
import { drawLens, drawPoints, drawReader } from './map-marks.ts';
import { fitLayout, thumbSize, wireZoom, type Fit, type Spot } from './map-zoom.ts';

export interface MapPoint {
  /** Layout coordinates (any range; the view fits them). y grows upwards, as in a chart. */
  x: number;
  y: number;
  /** One-line caption, e.g. "A frog." */
  caption: string;
  /** Category used for colour and the legend, e.g. "animals". */
  group: string;
  /** Index of this image's thumbnail in the sprite sheet. */
  thumb: number;
}
export interface ThumbSheet {
  /** URL of a PNG holding square thumbnails in a grid, row-major. */
  url: string;
  /** Thumbnail side in px in the sheet. */
  size: number;
  columns: number;
}
export interface ReaderPoint {
  x: number;
  y: number;
  /** Indexes into points of its nearest neighbours (closest first). */
  neighbours: number[];
  /** e.g. "Your photo". */
  caption: string;
  /** An object URL or data URL of the reader's photo (square thumbnail), optional. */
  image?: string;
}
export interface MapViewData {
  points: MapPoint[];
  thumbs: ThumbSheet;
  /** Accessible title of the map, e.g. "UMAP of Tiny Darknet conv2d_15 features". */
  title: string;
  reader?: ReaderPoint;
}
export interface MapView {
  /** Shows (or moves) the reader's point, or removes it with undefined. */
  setReader(reader: ReaderPoint | undefined): void;
  destroy(): void;
}

let mounts = 0;

/** The frame for the map, the caption line, the keys for screen readers, and a live region for news. */
const scaffold = (uid: string) => `<div class="ll-map-frame"></div><p class="ll-map-caption"></p>
<p class="visually-hidden" id="${uid}-help">Arrow keys move between nearby images, Page Up and Page Down go
through them all in order, plus and minus zoom, 0 shows the whole map, Home goes to your photo.</p>
<p class="visually-hidden" aria-live="polite"></p>`;

export function mountMapView(container: HTMLElement, data: MapViewData): MapView {
  if (!data.points.length) throw new Error('An embedding map needs at least one point.');
  const uid = `ll-map-${++mounts}`;
  const n = data.points.length; // the reader's index among positions, after the points
  const slots = groupSlots(data.points);
  const root = container.appendChild(document.createElement('div'));
  root.className = 'll-map';
  root.innerHTML = scaffold(uid);
  const frame = root.querySelector<HTMLElement>('.ll-map-frame')!;
  const caption = root.querySelector<HTMLElement>('.ll-map-caption')!;
  const status = root.querySelector<HTMLElement>('[aria-live]')!;
  const svg = select(frame).append('svg').attr('class', 'll-map-svg').attr('role', 'group');
  svg.attr('aria-label', data.title).attr('aria-describedby', `${uid}-help`);
  const marks = drawPoints(svg.append('g'), data, slots, uid);
  const readerMarks = drawReader(svg.append('g'), `${uid}-disc`);
  const lens = drawLens(svg.append('g'), data, slots, uid);
  root.append(drawLegend(data.points, slots));

  let reader = data.reader;
  let fit: Fit = fitLayout(data.points, Math.round(frame.clientWidth) || 600);
  let positions: Spot[] = []; // the points' (and the reader's, at n) layout spots in the fitted box
  let transform: ZoomTransform = zoomIdentity;
  let stop = 0; // the one point (or the reader) that Tab reaches
  let hovered: number | undefined;
  let active: number | undefined; // hovered, else focused: what the lens and the caption line show
  const onZoom = (t: ZoomTransform) => {
    transform = t;
    place();
  };
  const zoom = wireZoom(frame, svg, onZoom, (text) => (status.textContent = text));

  const element = (i: number): SVGGElement => (i === n ? readerMarks.mark.node()! : marks.nodes()[i]!);
  const indexOf = (target: EventTarget | null): number | undefined => {
    const mark = target instanceof Element ? target.closest('.ll-map-point, .ll-map-reader') : null;
    if (mark === readerMarks.mark.node()) return n;
    return mark instanceof SVGGElement ? marks.nodes().indexOf(mark) : undefined;
  };
  const focused = () => (svg.node()!.contains(document.activeElement) ? stop : undefined);
  const screen = (i: number) => transform.apply(positions[i]!);
  const side = () => thumbSize(fit, transform.k, data.thumbs.size);
  // A stale index (from another layout) is dropped rather than drawn at NaN.
  const neighbours = (r: ReaderPoint) => r.neighbours.filter((i) => Number.isInteger(i) && i >= 0 && i < n);

  function place(): void {
    const size = side();
    marks.attr('transform', (i) => `translate(${screen(i)}) scale(${size})`);
    if (active !== undefined && active < n) lens.place(screen(active), Math.max(size * 1.8, 56));
    if (reader) readerMarks.place(screen(n), neighbours(reader).map(screen), size * 0.75 + 4, size);
  }

  /** Fits the points (and the reader's point, which may fall outside them) to a width. */
  function refit(width: number): void {
    const previous = fit;
    const spots = reader ? [...data.points, reader] : data.points;
    fit = fitLayout(spots, width);
    positions = spots.map(fit.at);
    svg.attr('viewBox', `0 0 ${fit.width} ${fit.height}`);
    zoom.resize(fit, previous); // calls place()
  }

  function activate(i: number | undefined): void {
    active = i;
    lens.show(i === n ? undefined : i);
    readerMarks.mark.classed('is-active', i === n);
    const text = i === n ? reader && readerLabel(reader, data.points) : i === undefined ? undefined : data.points[i];
    showCaption(caption, text, slots);
    place();
  }

  function setStop(i: number): void {
    element(stop).setAttribute('tabindex', '-1');
    element(i).setAttribute('tabindex', '0');
    stop = i;
  }

  /** Focuses a point, panning the map to it when it is out of view (the page itself does not scroll). */
  function focusPoint(i: number): void {
    setStop(i);
    element(i).focus({ preventScroll: true });
    const [x, y] = screen(i);
    const m = side();
    if (x < m || y < m || x > fit.width - m || y > fit.height - m) zoom.panTo(positions[i]!);
  }

  svg.on('keydown', (event: KeyboardEvent) => {
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault(); // arrows and Home would scroll the page
    if (action.kind === 'move') {
      const next = nearestInDirection(positions, stop, action.direction);
      if (next !== undefined) focusPoint(next);
    } else if (action.kind === 'step') focusPoint(stop === n ? 0 : (stop + action.by + n) % n);
    else if (action.kind === 'zoom') zoom.zoomBy(action.factor, positions[stop]);
    else if (action.kind === 'reset') zoom.zoomBy('reset');
    else focusPoint(reader ? n : 0);
  });
  // On the frame, not the <svg>: Chromium makes an SVG element with focus listeners a tab stop of its own.
  select(frame).on('focusin', (event: FocusEvent) => {
    const i = indexOf(event.target);
    if (i !== undefined) setStop(i);
    activate(hovered ?? i);
  });
  select(frame).on('focusout', (event: FocusEvent) => {
    if (!svg.node()!.contains(event.relatedTarget as Node | null)) activate(hovered);
  });
  svg.on('pointerover', (event: PointerEvent) => {
    hovered = indexOf(event.target);
    activate(hovered ?? focused());
  });
  svg.on('pointerleave', () => {
    hovered = undefined;
    activate(focused());
  });

  function setReader(next: ReaderPoint | undefined): void {
    const was = reader && positions[n];
    const hadFocus = focused() === n;
    reader = next;
    if (!reader && hovered === n) hovered = undefined;
    readerMarks.fill(reader, reader ? readerLabel(reader, data.points) : '', reader ? neighbours(reader).length : 0);
    refit(fit.width);
    if (!reader && stop === n) {
      const nearest = nearestTo(positions, was ?? [fit.width / 2, fit.height / 2]);
      if (hadFocus) focusPoint(nearest);
      else setStop(nearest);
    }
    // A reader who has not entered the map yet meets their own photo first.
    if (reader && focused() === undefined) setStop(n);
    if (reader) status.textContent = readerLabel(reader, data.points);
    activate(hovered ?? focused());
  }

  const observer = new ResizeObserver(([entry]) => {
    const width = Math.round(entry?.contentRect.width ?? 0);
    if (width > 0 && width !== fit.width) refit(width);
  });

  refit(fit.width);
  setStop(nearestTo(positions.slice(0, n), [fit.width / 2, fit.height / 2]));
  setReader(reader);
  observer.observe(frame);

  return {
    setReader,
    destroy() {
      observer.disconnect();
      zoom.destroy();
      root.remove();
    },
  };
}
