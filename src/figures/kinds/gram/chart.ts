/**
 * The Gram matrix figure drawn with d3: both matrices as cells on one colour scale, a crosshair on the
 * hovered channel pair and its values for the photo and the painting. Drawn when the figure scrolls into
 * view; redrawn when the figure is recomputed for a reader's photo.
 */
import { interpolateViridis, scaleBand, scaleSequentialSqrt, select } from 'd3';
import { figureData } from '../../../client/figure-state.ts';
import type { GramData } from './recipe.ts';

const SIDE = 240;
const GAP = 24;

export async function drawGramChart(figure: HTMLElement): Promise<void> {
  const data = (await figureData(figure)) as GramData | null;
  const holder = figure.querySelector<HTMLElement>('.ll-gram-chart');
  if (!data || !holder) return;
  const n = data.channels;
  const band = scaleBand<number>()
    .domain([...Array(n).keys()])
    .range([0, SIDE]);
  const colour = scaleSequentialSqrt(interpolateViridis).domain([0, data.max]);
  const readout =
    figure.querySelector<HTMLElement>('.ll-gram-readout') ??
    holder.insertAdjacentElement(
      'afterend',
      Object.assign(document.createElement('p'), { className: 'll-gram-readout' }),
    )!;
  readout.textContent = 'Hover a cell: channels i × j and how much they fire together.';
  const svg = select(holder)
    .html('')
    .append('svg')
    .attr('viewBox', `0 0 ${2 * SIDE + GAP} ${SIDE + 18}`)
    .attr('role', 'img');
  svg.append('title').text(`Gram matrices of ${data.layer}, first ${n} channels`);
  const panels = [
    { name: 'photo', values: data.photo },
    { name: 'painting', values: data.painting },
  ];
  const cells = panels.flatMap((panel, p) =>
    panel.values.map((value, k) => ({ p, i: Math.floor(k / n), j: k % n, value })),
  );
  const group = svg.append('g');
  group
    .selectAll('rect')
    .data(cells)
    .join('rect')
    .attr('x', (d) => d.p * (SIDE + GAP) + band(d.j)!)
    .attr('y', (d) => band(d.i)!)
    .attr('width', band.bandwidth())
    .attr('height', band.bandwidth())
    .attr('fill', (d) => colour(Math.max(0, d.value)));
  svg
    .selectAll('text.ll-gram-label')
    .data(panels)
    .join('text')
    .attr('class', 'll-gram-label')
    .attr('x', (_, p) => p * (SIDE + GAP))
    .attr('y', SIDE + 14)
    .text((d) => d.name);
  const cross = svg.append('g').attr('pointer-events', 'none');
  group.on('pointermove', (event: PointerEvent) => {
    const cell = select<SVGRectElement, (typeof cells)[number]>(event.target as SVGRectElement).datum();
    if (!cell) return;
    const k = cell.i * n + cell.j;
    readout.textContent = `channels ${cell.i} × ${cell.j}: photo ${data.photo[k]!.toPrecision(3)}, painting ${data.painting[k]!.toPrecision(3)}`;
    cross
      .selectAll('rect')
      .data([0, 1])
      .join('rect')
      .attr('x', (p) => p * (SIDE + GAP) + band(cell.j)!)
      .attr('y', band(cell.i)!)
      .attr('width', band.bandwidth())
      .attr('height', band.bandwidth())
      .attr('fill', 'none')
      .style('stroke', 'var(--hot)')
      .attr('stroke-width', 1.5);
  });
  figure.classList.add('ll-gram-drawn');
}
