/**
 * Zoom and pan for the embedding map, with d3-zoom: wheel, drag, pinch, double click or double tap, and
 * +, − and Reset buttons for keyboard readers. The layout's fit into the box lives here too, since the
 * zoom's extents follow it.
 */
import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type Selection, type ZoomTransform } from 'd3';

export type Spot = [number, number];
export type Fit = ReturnType<typeof fitLayout>;

const MAX_ZOOM = 16;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The layout scaled uniformly (distances are what it shows) into a square as wide as the container, the
 * shape of the precomputed picture it replaces (draw.ts), with y upwards as there and as in any chart.
 */
export function fitLayout(spots: readonly { x: number; y: number }[], width: number) {
  const thumb = clamp(width * 0.034, 16, 30);
  const xs = spots.map((s) => s.x);
  const ys = spots.map((s) => s.y);
  const [x0, y1] = [Math.min(...xs), Math.max(...ys)];
  const [spanX, spanY] = [Math.max(...xs) - x0, y1 - Math.min(...ys)];
  const pad = thumb + 6; // room for the reader's disc, which is larger than a thumbnail
  const scale = (width - 2 * pad) / (Math.max(spanX, spanY) || 1);
  const [ox, oy] = [(width - scale * spanX) / 2, (width - scale * spanY) / 2];
  const at = (s: { x: number; y: number }): Spot => [ox + scale * (s.x - x0), oy + scale * (y1 - s.y)];
  return { width, height: width, thumb, at };
}

/** Thumbnails grow with the square root of the zoom, so that zooming in spreads a crowded cluster apart. */
export const thumbSize = (fit: Fit, k: number, sheetSize: number) =>
  fit.thumb * clamp(Math.sqrt(k), 1, Math.max(1, (sheetSize * 1.5) / fit.thumb));

export interface MapZoom {
  /** New extents after a refit; the view keeps its zoom and the same part of the map when the width changed. */
  resize(fit: Fit, previous: Fit): void;
  /** Zooms by a factor around a layout spot (the focused point), or around the middle; or back to the whole map. */
  zoomBy(factor: number | 'reset', around?: Spot): void;
  /** Pans a layout spot into the middle of the view. */
  panTo(spot: Spot): void;
  destroy(): void;
}

const BUTTONS = `<div class="ll-map-zoom">
  <button type="button" data-zoom="2" aria-label="Zoom in">+</button>
  <button type="button" data-zoom="0.5" aria-label="Zoom out">−</button>
  <button type="button" data-zoom="reset">Reset</button>
</div><p class="ll-map-hint" aria-hidden="true">Click the map, or hold Ctrl, to zoom with the wheel</p>`;

export function wireZoom(
  frame: HTMLElement,
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  onZoom: (transform: ZoomTransform) => void,
  announce: (text: string) => void,
): MapZoom {
  frame.insertAdjacentHTML('beforeend', BUTTONS);
  // The wheel zooms only once the reader has pressed on the map (or holds Ctrl, or pinches a trackpad,
  // which sends Ctrl): a map as wide as the page must not catch the wheel of someone scrolling past it.
  let engaged = false;
  let hintTimer: ReturnType<typeof setTimeout> | undefined;
  const now = () => zoomTransform(svg.node()!);
  const animated = () => svg.transition().duration(matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 250);

  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, MAX_ZOOM])
    .clickDistance(4) // a tap that wobbles a little is still a tap (it shows the caption)
    .filter((event: Event) => {
      if (event instanceof WheelEvent) return engaged || event.ctrlKey || event.metaKey;
      // One finger scrolls the page until the map is zoomed in (CSS: touch-action); two fingers always pinch.
      if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent)
        return event.touches.length > 1 || now().k > 1;
      return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
    })
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      svg.classed('is-zoomed', event.transform.k > 1);
      onZoom(event.transform);
    });
  svg.call(behaviour);

  const hint = () => {
    frame.classList.add('is-hinting');
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => frame.classList.remove('is-hinting'), 1500);
  };
  select(frame)
    .on('pointerdown.map', () => (engaged = true))
    .on('pointerleave.map', () => (engaged = false))
    .on('wheel.map', (event: WheelEvent) => engaged || event.ctrlKey || event.metaKey || hint(), { passive: true });
  select(frame)
    .selectAll<HTMLButtonElement, unknown>('.ll-map-zoom button')
    .on('click', function () {
      const factor = this.dataset.zoom!;
      zoomBy(factor === 'reset' ? 'reset' : Number(factor));
    });

  // Presses in quick succession add up: each zooms from where the last one is heading, not from mid-way.
  let aim: { k: number } | undefined;
  function zoomBy(factor: number | 'reset', around?: Spot): void {
    const k = factor === 'reset' ? 1 : clamp((aim?.k ?? now().k) * factor, 1, MAX_ZOOM);
    const mine = (aim = { k });
    const transition = animated().on('end interrupt', () => {
      if (aim === mine) aim = undefined;
    });
    if (factor === 'reset') behaviour.transform(transition, zoomIdentity);
    else behaviour.scaleTo(transition, k, around && now().apply(around));
    announce(k === 1 ? 'Whole map' : `Zoomed in ${Math.round(k * 10) / 10} times`);
  }

  return {
    resize(fit, previous) {
      const box: [Spot, Spot] = [
        [0, 0],
        [fit.width, fit.height],
      ];
      behaviour.extent(box).translateExtent(box);
      const { x, y, k } = now();
      const ratio = fit.width / previous.width;
      behaviour.transform(svg, zoomIdentity.translate(x * ratio, y * ratio).scale(k));
    },
    zoomBy,
    panTo: (spot) => behaviour.translateTo(animated(), ...spot),
    destroy() {
      clearTimeout(hintTimer);
      svg.interrupt().on('.zoom', null);
      select(frame).on('.map', null);
    },
  };
}
