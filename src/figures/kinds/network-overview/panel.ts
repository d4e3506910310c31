/**
 * The computation of one map, drawn into the figure's panel from the data the figure carries, with the
 * engine's own arithmetic (src/engine/overview/neuron.ts: plain TypeScript, no tfjs): a conv map as each
 * input channel convolved with its kernel slice, their sum, the bias, the non-linearity; a pool map as its
 * input and a window's maximum; the output as flatten, logits and softmax with every number.
 */
import { convNeuron, maxPoolMap, channelMap, softmaxSteps, type Map2d } from '../../../engine/overview/neuron.ts';
import { featureMapAtlas } from '../../../engine/visual/atlas.ts';
import { PAGE_BACKGROUND } from '../../common/atlas-style.ts';
import { escapeHtml } from '../../common/html.ts';
import { columnName } from './hotspots.ts';
import type { NetworkOverviewData, OverviewColumnData } from './recipe.ts';

export interface PanelTarget {
  column: number | 'output';
  /** The map's channel, or the class the output was opened from. */
  channel: number;
}

/** Input channels drawn one by one in a conv's panel; the rest are counted in the sum and said so. */
const MAX_PARTS = 16;

export function renderPanel(panel: HTMLElement, data: NetworkOverviewData, target: PanelTarget): void {
  panel.replaceChildren();
  if (target.column === 'output') return outputPanel(panel, data, target.channel);
  const column = data.columns[target.column]!;
  const previous = data.columns[target.column - 1];
  if (column.conv && previous) return convPanel(panel, column, previous, target.channel);
  if (column.pool && previous) return poolPanel(panel, column, previous, target.channel);
  panel.append(
    heading(
      `${columnName(column, target.channel)}: the photo's ${'RGB'[target.channel]} values in [0, 1], as the model reads them.`,
    ),
  );
  panel.append(steps([canvasOf(ownMap(column, target.channel), `${columnName(column, target.channel)}`, true)]));
}

/** A stored channel of a column as its own map. */
function ownMap(column: OverviewColumnData, channel: number): Map2d {
  const [h = 1, w = 1] = column.shape;
  return channelMap(column.values, [h, w, column.stored.length], column.stored.indexOf(channel));
}

function convPanel(
  panel: HTMLElement,
  column: OverviewColumnData,
  previous: OverviewColumnData,
  channel: number,
): void {
  const conv = column.conv!;
  const [kh = 1, kw = 1, cin = 1] = conv.kernelShape;
  const k = column.channels.indexOf(channel);
  const kernel = conv.kernel.slice(k * kh * kw * cin, (k + 1) * kh * kw * cin);
  const parts = convNeuron(previous.values, previous.shape, { ...conv, kernel, bias: conv.bias[k]! });
  const act =
    conv.activation.type === 'leakyrelu'
      ? `leaky ReLU (slope ${Number(conv.activation.alpha.toPrecision(3))})`
      : conv.activation.type === 'relu'
        ? 'ReLU'
        : 'nothing';
  panel.append(
    heading(
      `${column.layer}, channel ${channel}: each of the ${cin} channels of ${columnName(previous)} convolved with its ${kh}×${kw} kernel slice, summed, plus the bias, then ${act}.`,
    ),
  );
  parts.contributions.slice(0, MAX_PARTS).forEach((part, c) => {
    const name = columnName(previous, c);
    const slice = Array.from({ length: kh * kw }, (_, i) => kernel[i * cin + c]!);
    panel.append(
      steps([
        canvasOf(channelMap(previous.values, previous.shape, c), name),
        text('⊛'),
        kernelTable(slice, kh, kw, `kernel slice for ${name}`),
        text('='),
        canvasOf(part, `${name} convolved`),
      ]),
    );
  });
  if (cin > MAX_PARTS) panel.append(note(`… and ${cin - MAX_PARTS} more input channels, all in the sum below.`));
  panel.append(
    steps([
      text(`sum of ${cin}`),
      canvasOf(parts.sum, 'sum', true),
      text(`+ bias ${conv.bias[k]!.toFixed(4)} =`),
      canvasOf(parts.biased, 'sum plus bias', true),
      text(`${act} →`),
      canvasOf(parts.output, `${column.layer} channel ${channel}`, true),
    ]),
  );
}

function poolPanel(
  panel: HTMLElement,
  column: OverviewColumnData,
  previous: OverviewColumnData,
  channel: number,
): void {
  const pool = column.pool!;
  const input = channelMap(previous.values, previous.shape, channel);
  const output = maxPoolMap(input, pool);
  const [kh, kw] = pool.size;
  panel.append(
    heading(
      `${column.layer}, channel ${channel}: the largest value of each ${kh}×${kw} window of ${columnName(previous)} channel ${channel} (stride ${pool.strides[0]}).`,
    ),
  );
  panel.append(
    steps([
      canvasOf(input, `${columnName(previous)} channel ${channel}`, true),
      text(`max of each ${kh}×${kw} →`),
      canvasOf(output, `${column.layer} channel ${channel}`, true),
    ]),
  );
  // The window behind the strongest output value, with its numbers.
  const best = output.values.indexOf(Math.max(...output.values));
  const [y, x] = [Math.floor(best / output.width), best % output.width];
  const window = Array.from({ length: kh * kw }, (_, i) => {
    const [iy, ix] = [y * pool.strides[0] + Math.floor(i / kw), x * pool.strides[1] + (i % kw)];
    return iy < input.height && ix < input.width ? input.values[iy * input.width + ix]! : -Infinity;
  });
  panel.append(
    steps([
      text(`the window at row ${y}, column ${x}:`),
      kernelTable(window, kh, kw, 'pool window'),
      text(`→ max ${output.values[best]!.toFixed(4)}`),
    ]),
  );
}

function outputPanel(panel: HTMLElement, data: NetworkOverviewData, chosen: number): void {
  const output = data.output!;
  const last = data.columns[data.columns.length - 1]!;
  const s = softmaxSteps(last.values, output.kernel, output.bias);
  const n = last.values.length;
  panel.append(
    heading(
      `${output.layer}: ${last.layer}'s ${last.shape.join('×')} values flattened into one vector of ${n}, then for each class a logit (the vector · its weights + its bias), and softmax: exp of each logit, divided by their sum.`,
    ),
  );
  const table = document.createElement('table');
  table.className = 'll-overview-softmax';
  const row = (cells: string[], header = false) =>
    `<tr>${cells.map((c) => (header ? `<th scope="col">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`;
  table.innerHTML =
    `<thead>${row(['class', 'logit', `exp(logit − ${s.shift.toFixed(3)})`, 'probability = exp ÷ sum'], true)}</thead><tbody>` +
    output.labels
      .map((label, k) =>
        row([
          escapeHtml(label),
          s.logits[k]!.toFixed(3),
          s.exps[k]!.toFixed(4),
          `${s.exps[k]!.toFixed(4)} ÷ ${s.sum.toFixed(4)} = ${s.probabilities[k]!.toFixed(4)}`,
        ]),
      )
      .join('') +
    `</tbody><tfoot>${row(['sum', '', s.sum.toFixed(4), s.probabilities.reduce((a, b) => a + b, 0).toFixed(4)])}</tfoot>`;
  table.tBodies[0]!.rows[chosen]?.setAttribute('aria-current', 'true');
  panel.append(table);
  panel.append(
    note(
      'Subtracting the largest logit before exp changes no probability (it cancels in the division) and keeps exp finite.',
    ),
  );
}

function heading(line: string): HTMLElement {
  return Object.assign(document.createElement('h3'), { textContent: line });
}

function note(line: string): HTMLElement {
  return Object.assign(document.createElement('p'), { textContent: line });
}

function text(line: string): HTMLElement {
  return Object.assign(document.createElement('span'), { textContent: line });
}

function steps(items: HTMLElement[]): HTMLElement {
  const row = document.createElement('div');
  row.className = 'll-overview-steps';
  row.append(...items);
  return row;
}

/** A map in viridis on its own range, labelled with its range for screen readers and on hover. */
function canvasOf(map: Map2d, name: string, large = false): HTMLCanvasElement {
  const { image, ranges } = featureMapAtlas(map.values, [map.height, map.width, 1], [0], 1, 0, PAGE_BACKGROUND);
  const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
  canvas
    .getContext('2d')!
    .putImageData(new ImageData(image.rgba as Uint8ClampedArray<ArrayBuffer>, image.width, image.height), 0, 0);
  const label = `${name}: ${map.height}×${map.width}, from ${ranges[0]!.min.toFixed(3)} to ${ranges[0]!.max.toFixed(3)}`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.title = label;
  if (large) canvas.classList.add('ll-large');
  return canvas;
}

function kernelTable(values: number[], rows: number, columns: number, label: string): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'll-overview-kernel';
  table.setAttribute('aria-label', label);
  for (let r = 0; r < rows; r++) {
    const tr = table.insertRow();
    for (let c = 0; c < columns; c++) tr.insertCell().textContent = values[r * columns + c]!.toFixed(3);
  }
  return table;
}
