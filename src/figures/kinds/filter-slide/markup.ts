/**
 * The filter slide's HTML, written by the server (the worked position, the map filled) and rewritten by
 * the live stepper (any position, the map filled so far) with the same function.
 */
import { activationName, unitAt, type UnitWindow } from '../../common/conv-arithmetic.ts';
import { channelName, formatValue, kernelTables as channelTables } from '../../common/kernel-table.ts';
import type { FilterSlideData } from './recipe.ts';

/** Where the stepper is: the current position (row-major in the patch) and how many positions are filled. */
export interface SlideState {
  position: number;
  filled: number;
}

/** The position the precomputed figure works through: the patch's strongest output. */
export function workedPosition(data: FilterSlideData): number {
  return data.outputs.reduce((best, v, i, all) => (v > all[best]! ? i : best), 0);
}

export function slideMarkup(data: FilterSlideData, state: SlideState): string {
  const { width } = data.patch;
  const [column, row] = [state.position % width, Math.floor(state.position / width)];
  return [
    `<div class="ll-fs-panels">`,
    inputGrid(data.window, column, row),
    kernelTables(data),
    outputGrid(data, state),
    `</div>`,
    worked(data, column, row),
  ].join('');
}

function inputGrid(window: UnitWindow, column: number, row: number): string {
  const { input, kernel, strides } = window;
  const [x0, y0] = [column * strides[1], row * strides[0]];
  const cells: string[] = [];
  for (let y = 0; y < input.height; y++)
    for (let x = 0; x < input.width; x++) {
      const at = (y * input.width + x) * input.channels;
      const rgb = [0, 1, 2].map((c) => Math.round(Math.min(1, Math.max(0, input.values[at + c] ?? 0)) * 255));
      const on = x >= x0 && x < x0 + kernel.width && y >= y0 && y < y0 + kernel.height;
      cells.push(`<span${on ? ' class="on"' : ''} style="background:rgb(${rgb.join(',')})"></span>`);
    }
  const label = `The photo's pixels under the patch (${input.width}×${input.height}, as the model reads them); the outlined 3×3 window is under the filter.`;
  return panel('Input', grid(input.width, cells, label));
}

function kernelTables(data: FilterSlideData): string {
  const { kernel, bias } = data.window;
  const folded = data.batchNormFolded ? ' (batch norm folded in: the weights the network computes with)' : '';
  return panel(
    `Filter${folded}`,
    `${channelTables(kernel, 'll-fs-kernel')}<p class="ll-fs-bias">bias ${formatValue(bias)}</p>`,
  );
}

function outputGrid(data: FilterSlideData, state: SlideState): string {
  const cells = data.colours.map((colour, i) => {
    const classes = [i < state.filled ? 'filled' : '', i === state.position ? 'on' : ''].filter(Boolean).join(' ');
    const style = i < state.filled ? ` style="background:${colour}"` : '';
    return `<span${classes ? ` class="${classes}"` : ''}${style}></span>`;
  });
  const label = `Output of the patch: ${state.filled} of ${data.outputs.length} positions filled; brighter is stronger.`;
  return panel('Output', grid(data.patch.width, cells, label));
}

function worked(data: FilterSlideData, column: number, row: number): string {
  const step = unitAt(data.window, column, row);
  const { kernel } = data.window;
  const tables = [...Array(kernel.channels).keys()].map((c) => {
    const name = channelName(c);
    const rows = [...Array(kernel.height).keys()].map((ky) => {
      const cells = [...Array(kernel.width).keys()].map((kx) => {
        const i = (ky * kernel.width + kx) * kernel.channels + c;
        return `<td>${formatValue(step.inputs[i]!)} × ${formatValue(step.weights[i]!)}<br /><b>${formatValue(step.products[i]!)}</b></td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<table class="ll-kernel-table ll-fs-products"><caption>${name}: input × weight</caption><tbody>${rows.join('')}</tbody></table>`;
  });
  const x = data.patch.x + column;
  const y = data.patch.y + row;
  const model = data.outputs[row * data.patch.width + column]!;
  return `<div class="ll-fs-worked">
<p class="ll-fs-position">Position (${x}, ${y}) of the ${data.outputSize[1]}×${data.outputSize[0]} output</p>
<div class="ll-fs-tables">${tables.join('')}</div>
<p class="ll-fs-sum">sum of the ${step.products.length} products <output class="ll-fs-total">${formatValue(step.sum)}</output>
+ bias ${formatValue(data.window.bias)} = <output class="ll-fs-pre">${formatValue(step.pre)}</output>;
${activationName(data.window.activation)} → <output class="ll-fs-out">${formatValue(step.out)}</output>
(the layer's own output here: <output class="ll-fs-model">${formatValue(model)}</output>)</p>
</div>`;
}

function panel(title: string, body: string): string {
  return `<div class="ll-fs-panel"><p class="ll-fs-title">${title}</p>${body}</div>`;
}

function grid(columns: number, cells: string[], label: string): string {
  return `<div class="ll-fs-grid" role="img" aria-label="${label}" style="--cols:${columns}">${cells.join('')}</div>`;
}
