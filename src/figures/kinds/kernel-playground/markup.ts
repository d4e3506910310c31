/**
 * The kernel playground's text, written by the server and rewritten live (a reader's kernel, a reader's
 * photo) with the same functions: what the kernel does, how its output is drawn, the learned filter.
 */
import { activationName } from '../../common/conv-arithmetic.ts';
import { formatValue, kernelTables } from '../../common/kernel-table.ts';
import { KERNEL_PRESETS, presetOf, weightText, type KernelName } from './presets.ts';
import type { KernelPlaygroundData } from './recipe.ts';

/** The value a preset select shows for a kernel that is none of the presets. */
export const CUSTOM = 'custom';

/** The selected preset's one line, or the reader's own kernel's. */
export function kernelLine(kernel: number[], offered: KernelName[]): string {
  const name = presetOf(kernel, offered);
  if (!name) return 'Your own kernel: each output pixel is the 9 weights times the 3×3 grey pixels around it, summed.';
  const { label, does } = KERNEL_PRESETS[name];
  return `${label}: ${does}`;
}

/** How the hand-made kernel's output is drawn, and its range over the photo. */
export function drawingLine(data: KernelPlaygroundData): string {
  const { min, max } = data.range;
  const how =
    data.drawing === 'magnitude'
      ? 'The weights sum to 0, so flat areas give 0 (black) and edges give ± values: drawn as |output|, white from 1 up.'
      : 'Drawn as the output itself, clipped to 0 (black) to 1 (white).';
  return `${how} Output over the photo: ${formatValue(min)} to ${formatValue(max)}.`;
}

/** The learned filter's weights per colour channel, its bias and activation, and how its map is drawn. */
export function learnedMarkup(data: KernelPlaygroundData): string {
  const { kernel, bias, batchNormFolded, activation, range, mapSize } = data.learned;
  const { tileWidth } = data.layout;
  const unpadded =
    mapSize[1] < tileWidth
      ? ` The layer does not pad the photo, so its map is ${mapSize[1]}×${mapSize[0]}, framed to line up with the photo.`
      : '';
  const folded = batchNormFolded ? ' (batch norm folded in: the weights the network computes with)' : '';
  return `<p class="ll-kp-note">Its ${kernel.width}×${kernel.height} weights on each colour channel${folded}:</p>
<div class="ll-kp-tables">${kernelTables(kernel)}</div>
<p class="ll-kp-note">Bias ${formatValue(bias)}, then ${activationName(activation)}. Its map is drawn in viridis from its lowest value over the photo (${formatValue(range.min)}, dark purple) to its highest (${formatValue(range.max)}, yellow).${unpadded}</p>`;
}

/** The alternative text of the hand-made kernel's output image. */
export function handAlt(kernel: number[], offered: KernelName[], size: string): string {
  const name = presetOf(kernel, offered);
  const what = name ? `the ${KERNEL_PRESETS[name].label} kernel` : `your kernel (${kernel.map(weightText).join(', ')})`;
  return `The photo in grey through ${what}, ${size}.`;
}
