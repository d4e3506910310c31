/**
 * Max pooling and the softmax done by hand, as plain numbers: the build writes the figure with them and
 * the reader's browser rewrites it for a new photo with the same code. (A unit's activation is in
 * conv-arithmetic.ts.)
 */
import type { Block } from './conv-arithmetic.ts';

export interface PoolWindow {
  /** Indexes into the block's values (one channel) of the window's cells. */
  cells: number[];
  /** The cell that wins, and its value. */
  argmax: number;
  max: number;
}

/** The windows of a max pool over a one-channel block, row by row. */
export function maxPoolWindows(block: Block, size: [number, number], strides: [number, number]): PoolWindow[] {
  const windows: PoolWindow[] = [];
  for (let y = 0; y + size[0] <= block.height; y += strides[0])
    for (let x = 0; x + size[1] <= block.width; x += strides[1]) {
      const cells: number[] = [];
      for (let dy = 0; dy < size[0]; dy++)
        for (let dx = 0; dx < size[1]; dx++) cells.push((y + dy) * block.width + x + dx);
      const argmax = cells.reduce((best, c) => (block.values[c]! > block.values[best]! ? c : best), cells[0]!);
      windows.push({ cells, argmax, max: block.values[argmax]! });
    }
  return windows;
}

/** The softmax in its three steps (exp, sum, divide): the engine's, so the figure and the network agree. */
export { softmaxOf as softmaxSteps } from '../../engine/model/unit-arithmetic.ts';
