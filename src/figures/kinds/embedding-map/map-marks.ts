/**
 * The embedding map's marks, drawn once and then only moved: a thumbnail per image, the lens that enlarges
 * the active one, and the reader's point with its links. Each mark is drawn in unit coordinates around
 * its centre, so that moving and resizing it on zoom is one transform attribute (strokes keep their width
 * through vector-effect in map-view.css).
 */
import { type Selection } from 'd3';
import { groupColour, pointLabel } from './map-legend.ts';
import type { MapViewData, ReaderPoint, ThumbSheet } from './map-view.ts';
import type { Spot } from './map-zoom.ts';

type Layer = Selection<SVGGElement, unknown, null, undefined>;
const SVG = 'http://www.w3.org/2000/svg';

function svgElement<K extends keyof SVGElementTagNameMap>(
  parent: Element,
  name: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  return parent.appendChild(element);
}

/** The sheet cell of a thumbnail, as a viewBox. */
function cellBox({ size, columns }: ThumbSheet, thumb: number): string {
  return `${(thumb % columns) * size} ${Math.floor(thumb / columns) * size} ${size} ${size}`;
}

/**
 * A thumbnail cut from the sprite sheet (one download for all): a pattern whose viewBox is the thumbnail's
 * cell, over the whole sheet. A pattern rather than a nested <svg>: the point's box is then the thumbnail's,
 * not the whole sheet's, for the screen reader's focus highlight. The sheet's height is a guess from the
 * highest index; `slice` keeps the scale right when the sheet has more rows than that.
 */
function appendThumb(defs: Element, id: string, sheet: ThumbSheet, rows: number, thumb: number): SVGPatternElement {
  const pattern = svgElement(defs, 'pattern', { id, width: 1, height: 1, viewBox: cellBox(sheet, thumb) });
  const size = { width: sheet.columns * sheet.size, height: rows * sheet.size };
  svgElement(pattern, 'image', { ...size, href: sheet.url, preserveAspectRatio: 'xMinYMin slice' });
  return pattern;
}

/** A square under the thumbnail (a halo that parts overlapping ones), then the thumbnail, stroked in its group's colour. */
function appendFramedThumb(parent: SVGGElement, fill: string): void {
  const square = { x: -0.5, y: -0.5, width: 1, height: 1 };
  svgElement(parent, 'rect', { ...square, class: 'll-map-halo' });
  svgElement(parent, 'rect', { ...square, class: 'll-map-ring', fill: `url(#${fill})` });
}

const sheetRows = (data: MapViewData) =>
  Math.ceil((Math.max(0, ...data.points.map((p) => p.thumb)) + 1) / data.thumbs.columns);

/** A focusable group per point (tabindex -1: the view keeps one tab stop among them). */
export function drawPoints(layer: Layer, data: MapViewData, slots: Map<string, number>, uid: string) {
  const rows = sheetRows(data);
  const defs = layer.append('defs').node()!;
  return layer
    .selectAll<SVGGElement, number>('g')
    .data(data.points.map((_, i) => i))
    .join('g')
    .attr('class', 'll-map-point')
    .attr('role', 'img')
    .attr('tabindex', -1)
    .attr('aria-label', (i) => pointLabel(data.points[i]!))
    .attr('style', (i) => groupColour(slots.get(data.points[i]!.group)))
    .each(function (i) {
      appendThumb(defs, `${uid}-t${i}`, data.thumbs, rows, data.points[i]!.thumb);
      appendFramedThumb(this, `${uid}-t${i}`);
    });
}

/** The lens: a larger copy of the hovered or focused thumbnail, over everything, doubling as the focus ring. */
export function drawLens(layer: Layer, data: MapViewData, slots: Map<string, number>, uid: string) {
  const lens = layer.append('g').attr('class', 'll-map-lens').attr('aria-hidden', 'true').attr('display', 'none');
  const pattern = appendThumb(lens.append('defs').node()!, `${uid}-lens`, data.thumbs, sheetRows(data), 0);
  // Under the halo, a wider stroke in the ink colour: the band outside it is the focus ring.
  svgElement(lens.node()!, 'rect', { x: -0.5, y: -0.5, width: 1, height: 1, class: 'll-map-lens-edge' });
  appendFramedThumb(lens.node()!, `${uid}-lens`);
  return {
    /** Shows point i's thumbnail in the lens, or hides the lens. */
    show(i: number | undefined) {
      const p = i === undefined ? undefined : data.points[i];
      lens.attr('display', p ? null : 'none');
      if (!p) return;
      pattern.setAttribute('viewBox', cellBox(data.thumbs, p.thumb));
      lens.attr('style', groupColour(slots.get(p.group)));
    },
    place(at: Spot, side: number) {
      lens.attr('transform', `translate(${at}) scale(${side})`);
    },
  };
}

/** The reader's point: a disc (it differs from the square thumbnails by shape, not only colour). */
export function drawReader(layer: Layer, clipId: string) {
  const links = layer.append('g').attr('class', 'll-map-links').attr('aria-hidden', 'true');
  const linkHalo = links.append('path').attr('class', 'll-map-link-halo');
  const link = links.append('path').attr('class', 'll-map-link');
  const near = links.append('g');
  const mark = layer.append('g').attr('class', 'll-map-reader').attr('role', 'img').attr('tabindex', -1);
  layer.append('clipPath').attr('id', clipId).append('circle').attr('r', 1);
  mark.append('circle').attr('class', 'll-map-reader-halo').attr('r', 1);
  const photo = mark.append('image').attr('x', -1).attr('y', -1).attr('width', 2).attr('height', 2);
  photo.attr('preserveAspectRatio', 'xMidYMid slice').attr('clip-path', `url(#${clipId})`);
  mark.append('circle').attr('class', 'll-map-reader-dot').attr('r', 0.35);
  mark.append('circle').attr('class', 'll-map-reader-ring').attr('r', 1);
  return {
    mark,
    /** Its content for a reader (hidden without one): the photo if given, else a target-like dot. */
    fill(reader: ReaderPoint | undefined, label: string, neighbours: number) {
      for (const part of [mark, links]) part.attr('display', reader ? null : 'none');
      mark.attr('aria-label', label).classed('has-photo', Boolean(reader?.image));
      photo.attr('href', reader?.image ?? null);
      near
        .selectAll('rect')
        .data(Array.from({ length: neighbours }))
        .join('rect')
        .attr('class', 'll-map-near');
    },
    /** Moves it, its links and the outlines on its neighbours (all in screen pixels). */
    place(from: Spot, targets: Spot[], radius: number, side: number) {
      mark.attr('transform', `translate(${from}) scale(${radius})`);
      const d = targets.map((t) => `M${from}L${t}`).join('');
      linkHalo.attr('d', d);
      link.attr('d', d);
      near
        .selectAll<SVGRectElement, unknown>('rect')
        .attr('x', (_, k) => targets[k]![0] - side / 2 - 3)
        .attr('y', (_, k) => targets[k]![1] - side / 2 - 3)
        .attr('width', side + 6)
        .attr('height', side + 6);
    },
  };
}
