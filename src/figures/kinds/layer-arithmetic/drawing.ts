/**
 * The layer drawn as SVG markup: the padded input grid (padding and cells no window sees marked), the
 * window at one step, and the output grid with the cell being written; for a 1x1 convolution the depth
 * column the dot product runs through; for a fully connected layer, inputs wired to outputs. One string
 * for the build and the page alike; colours come from CSS classes, so they follow the page's.
 *
 * Readable at any size: the input and the output are two SVGs side by side that stack on a narrow
 * screen, each grid fitted to the same box with one cell size for both. Sides up to DETAIL cells draw
 * every cell line (a 32x32 input padded by 2 is 36 lines a side, 5-6 px cells on a phone); larger ones
 * are drawn to the same scale with a line every 2^k cells (at most 16 lines a side), never thousands of
 * hairlines.
 */
import { positionCount, windowAt, type LayerArithmetic, type LayerSpec } from './arithmetic.ts';
import { escapeHtml } from '../../common/html.ts';
import { count } from './view.ts';

const BOX = 200;
const MARGIN = 8;
/** A grid's SVG: the box, the depth outlines' offset, margins. */
const PANEL = BOX + 8 + 2 * MARGIN;
/** Room above the grids for the offset outlines that hint at depth. */
const TOP = 16;
const DETAIL = 40;
/** Zeros are written in padding cells at least this many units wide. */
const ZERO_CELL = 14;
const STRIP = 16;
/** The window and the cell being written are never drawn smaller than this (a 2x2 window on 224 cells). */
const MARK = 3;

export interface Drawing {
  svg: string;
  /** What the drawing shows and at what scale, in words (under it). */
  legend: string;
  /** Where the window is, in words (announced as it steps). */
  readout: string;
}

const n = (x: number) => Number(x.toFixed(2));
const rect = (cls: string, x: number, y: number, w: number, h: number) =>
  `<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"/>`;

/** The cells per line: 1 up to DETAIL cells a side, else the least power of two giving 16 lines or fewer. */
export function lineStep(cells: number): number {
  if (cells <= DETAIL) return 1;
  let step = 2;
  while (Math.ceil(cells / step) > 16) step *= 2;
  return step;
}

function gridLines(x: number, y: number, cols: number, rows: number, cell: number, step: number): string {
  const d: string[] = [];
  for (let c = 0; c <= cols; c += step) d.push(`M${n(x + c * cell)} ${n(y)}v${n(rows * cell)}`);
  for (let r = 0; r <= rows; r += step) d.push(`M${n(x)} ${n(y + r * cell)}h${n(cols * cell)}`);
  return `<path class="ll-arith-lines" d="${d.join('')}"/>`;
}

/** Outlines behind a grid, offset up and right: the volume's depth. */
function depthHint(x: number, y: number, w: number, h: number, depth: number): string {
  if (depth < 2) return '';
  return [8, 4].map((o) => rect('ll-arith-depth', x + o, y - o, w, h)).join('');
}

export function drawLayer(spec: LayerSpec, layer: LayerArithmetic, index: number): Drawing {
  return layer.sides ? drawWindow(spec, layer, index) : drawDense(spec, layer);
}

/** Where the grids go: one cell size for both, fitted to the box; the padded input's sides. */
interface Geometry {
  pw: number;
  ph: number;
  f: number;
  cell: number;
  step: number;
  /** The SVGs' height: the taller of the grids (or the filter, when it is larger than both). */
  height: number;
}

function geometry(layer: LayerArithmetic): Geometry {
  const sides = layer.sides!;
  const [pw, ph, f] = [sides.width.n + 2 * sides.width.p, sides.height.n + 2 * sides.height.p, layer.filter];
  const cells = Math.max(pw, ph, layer.output.width, layer.output.height, f);
  const cell = BOX / cells;
  const height = TOP + Math.max(ph, layer.output.height, f) * cell + MARGIN;
  return { pw, ph, f, cell, step: lineStep(cells), height };
}

function drawWindow(spec: LayerSpec, layer: LayerArithmetic, index: number): Drawing {
  const g = geometry(layer);
  const at = windowAt(layer, index);
  const total = positionCount(layer);
  const size = Math.max(g.f * g.cell, MARK);
  const frame = rect('ll-arith-window', MARGIN + at.left * g.cell, TOP + at.top * g.cell, size, size);
  const readout = total ? stepReadout(at, g.f, index, total) : 'No step: not one window fits in the padded input.';
  const out = layer.output;
  const svgs = [svg(PANEL, g.height, `The padded input. ${readout}`, [...inputParts(spec, layer, g), frame])];
  if (total) {
    const label = `The ${count(out.width)} × ${count(out.height)} output, row ${count(at.row + 1)}, column ${count(at.col + 1)} being written.`;
    svgs.push(svg(PANEL, g.height, label, outputParts(layer, g, at)));
  }
  if (layer.op === 'one-by-one') svgs.push(depthStrip(spec.inputDepth));
  return { svg: svgs.join(''), legend: windowLegend(spec, layer, g), readout };
}

/** The padded input: padding (with its zeros where they are legible), cells no window sees, cell lines. */
function inputParts(spec: LayerSpec, layer: LayerArithmetic, g: Geometry): string[] {
  const { width, height } = layer.sides!;
  const { pw, ph, f, cell } = g;
  const p = spec.padding;
  const parts = [depthHint(MARGIN, TOP, pw * cell, ph * cell, spec.inputDepth)];
  parts.push(rect('ll-arith-pad', MARGIN, TOP, pw * cell, ph * cell));
  parts.push(rect('ll-arith-in', MARGIN + p * cell, TOP + p * cell, spec.inputWidth * cell, spec.inputHeight * cell));
  if (p && cell >= ZERO_CELL) parts.push(paddingZeros(MARGIN, TOP, pw, ph, p, cell));
  // Cells past the last window that fits: what valid never looks at.
  const seenW = (layer.output.width - 1) * width.s + f;
  const seenH = (layer.output.height - 1) * height.s + f;
  if (!width.tooLarge && width.unseen)
    parts.push(rect('ll-arith-unseen', MARGIN + seenW * cell, TOP, (pw - seenW) * cell, ph * cell));
  if (!height.tooLarge && height.unseen)
    parts.push(rect('ll-arith-unseen', MARGIN, TOP + seenH * cell, pw * cell, (ph - seenH) * cell));
  parts.push(gridLines(MARGIN, TOP, pw, ph, cell, g.step));
  return parts;
}

/** The output: the cells written so far, and the one being written. */
function outputParts(layer: LayerArithmetic, g: Geometry, at: ReturnType<typeof windowAt>): string[] {
  const { cell } = g;
  const out = layer.output;
  const x = MARGIN;
  return [
    depthHint(x, TOP, out.width * cell, out.height * cell, out.depth),
    rect('ll-arith-out', x, TOP, out.width * cell, out.height * cell),
    rect('ll-arith-done', x, TOP, out.width * cell, at.row * cell),
    rect('ll-arith-done', x, TOP + at.row * cell, at.col * cell, cell),
    rect('ll-arith-current', x + at.col * cell, TOP + at.row * cell, Math.max(cell, MARK), Math.max(cell, MARK)),
    gridLines(x, TOP, out.width, out.height, cell, g.step),
  ];
}

function stepReadout(at: ReturnType<typeof windowAt>, f: number, index: number, total: number): string {
  const span = (first: number) => (f === 1 ? count(first + 1) : `${count(first + 1)}–${count(first + f)}`);
  const covered =
    f === 1 ? `row ${span(at.top)}, column ${span(at.left)}` : `rows ${span(at.top)} and columns ${span(at.left)}`;
  return `Step ${count(index + 1)} of ${count(total)}: the window covers ${covered} of the padded input and writes output row ${count(at.row + 1)}, column ${count(at.col + 1)}.`;
}

function paddingZeros(x0: number, y0: number, pw: number, ph: number, p: number, cell: number): string {
  const zeros: string[] = [];
  for (let r = 0; r < ph; r++)
    for (let c = 0; c < pw; c++) {
      if (r >= p && r < ph - p && c >= p && c < pw - p) continue;
      zeros.push(`<text x="${n(x0 + (c + 0.5) * cell)}" y="${n(y0 + (r + 0.5) * cell)}">0</text>`);
    }
  return `<g class="ll-arith-zeros" font-size="${n(cell * 0.5)}">${zeros.join('')}</g>`;
}

/** A 1x1 convolution's dot product: the depth column under the window (top) and one filter's weights. */
function depthStrip(depth: number): string {
  const shown = Math.min(depth, STRIP);
  const size = 12;
  const boxes = (cls: string, row: number) =>
    Array.from({ length: shown }, (_, i) => {
      // Past STRIP values, the last box stands for the last channel after a gap.
      const gap = depth > STRIP && i === shown - 1 ? size : 0;
      return rect(cls, MARGIN + i * (size + 2) + gap, MARGIN + row * (size + 6), size, size);
    }).join('');
  const label = `Through the depth: the ${count(depth)} values under the window times one filter's ${count(depth)} weights.`;
  const width = 2 * MARGIN + (STRIP + 1) * (size + 2);
  return svg(
    width,
    2 * MARGIN + 2 * size + 6,
    label,
    [boxes('ll-arith-in', 0), boxes('ll-arith-weight', 1)],
    'll-arith-strip',
  );
}

function drawDense(spec: LayerSpec, layer: LayerArithmetic): Drawing {
  const [left, right, top, height] = [MARGIN + 40, 2 * PANEL - MARGIN - 40, TOP, BOX];
  // Up to 7 nodes a column; past that, 3, a gap of dots, and the last 3.
  const slots = (total: number) => (total <= 7 ? [...Array(total).keys()] : [0, 1, 2, 4, 5, 6]);
  const y = (slot: number, shown: number) => top + ((slot + 0.5) * height) / shown;
  const column = (x: number, total: number) => slots(total).map((slot) => ({ x, y: y(slot, Math.min(total, 7)) }));
  const ellipsis = (x: number, total: number) =>
    total > 7
      ? [-10, 0, 10].map((d) => `<circle class="ll-arith-more" cx="${n(x)}" cy="${n(y(3, 7) + d)}" r="2"/>`).join('')
      : '';
  const ins = column(left, layer.inputs);
  const outs = column(right, layer.output.depth);
  const links = ins.flatMap((a) => outs.map((b) => `M${n(a.x)} ${n(a.y)}L${n(b.x)} ${n(b.y)}`)).join('');
  const dots = (nodes: { x: number; y: number }[], cls: string) =>
    nodes.map((node) => `<circle class="${cls}" cx="${n(node.x)}" cy="${n(node.y)}" r="7"/>`).join('');
  const parts = [`<path class="ll-arith-wires" d="${links}"/>`, dots(ins, 'll-arith-in'), dots(outs, 'll-arith-out')];
  parts.push(ellipsis(left, layer.inputs), ellipsis(right, layer.output.depth));
  const legend = `Left, the ${count(layer.inputs)} inputs (${count(spec.inputWidth)} × ${count(spec.inputHeight)} × ${count(spec.inputDepth)}, flattened; ${ins.length < layer.inputs ? `${ins.length} drawn` : 'all drawn'}); right, the ${count(layer.output.depth)} outputs. Every input is wired to every output: ${count(layer.inputs * layer.output.depth)} weights, plus one bias per output.`;
  return { svg: svg(2 * PANEL, top + height + MARGIN, legend, parts, 'll-arith-dense'), legend, readout: '' };
}

function windowLegend(spec: LayerSpec, layer: LayerArithmetic, { pw, ph, step }: Geometry): string {
  const f = layer.filter;
  const scale = step > 1 ? ` Too many cells to draw one by one: lines every ${count(step)} cells, to scale.` : '';
  const padding = spec.padding ? `, padded to ${count(pw)} × ${count(ph)} (padding zeros in grey)` : '';
  const unseen =
    layer.fits || !layer.sides || layer.output.width * layer.output.height === 0
      ? ''
      : '; shaded purple: cells no window sees';
  const output = positionCount(layer)
    ? `Then the ${count(layer.output.width)} × ${count(layer.output.height)} output${layer.fits ? '' : ' (valid, rounded down)'}, the cell being written in orange.`
    : 'No output: the filter is larger than the padded input.';
  const strip =
    layer.op === 'one-by-one'
      ? ` The strips: the ${count(spec.inputDepth)} values under the window, through the depth, times one filter's ${count(spec.inputDepth)} weights, summed (plus a bias): one output value per filter.`
      : '';
  return `The ${count(spec.inputWidth)} × ${count(spec.inputHeight)} input${padding}, the ${f} × ${f} window in blue${unseen}. ${output}${strip}${scale}`;
}

function svg(width: number, height: number, label: string, parts: string[], kind = 'll-arith-grid'): string {
  return `<svg class="ll-arith-svg ${kind}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}
