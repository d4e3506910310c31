/**
 * The presets as the figure offers them: brightness-keeping kernels sum to 1, edge detectors to 0 (the
 * two drawings), each with its one line; a kernel typed back to a preset's shown weights is that preset.
 */
import { describe, expect, it } from 'vitest';
import { kernelLine } from './markup.ts';
import { KERNEL_NAMES, KERNEL_PRESETS, presetOf, weightText } from './presets.ts';

const sum = (w: readonly number[]) => w.reduce((a, b) => a + b, 0);

describe('kernel presets', () => {
  it('keep the brightness (sum 1) or find edges (sum 0; Sobel y is Sobel x transposed)', () => {
    for (const name of KERNEL_NAMES) expect(KERNEL_PRESETS[name].weights, name).toHaveLength(9);
    for (const name of ['identity', 'box-blur', 'sharpen'] as const)
      expect(sum(KERNEL_PRESETS[name].weights), name).toBeCloseTo(1, 12);
    const [x, y] = [KERNEL_PRESETS['sobel-x'].weights, KERNEL_PRESETS['sobel-y'].weights];
    expect([sum(x), sum(y)]).toEqual([0, 0]);
    expect(y).toEqual([0, 3, 6, 1, 4, 7, 2, 5, 8].map((i) => x[i]));
    // Right minus left, bottom minus top: positive where brightness rises to the right or downwards.
    expect([x[5], x[3], y[7], y[1]]).toEqual([2, -2, 2, -2]);
  });

  it('names the preset of weights as the inputs show them, and only among those offered', () => {
    const shownBlur = KERNEL_PRESETS['box-blur'].weights.map((w) => Number(weightText(w)));
    expect(shownBlur[0]).toBe(0.1111);
    expect(presetOf(shownBlur)).toBe('box-blur');
    expect(presetOf([-1, 0, 1, -2, 0, 2, -1, 0, 1])).toBe('sobel-x');
    expect(presetOf([-1, 0, 1, -2, 0, 2, -1, 0, 1], ['identity', 'sobel-y'])).toBeNull();
    expect(presetOf([-1, 0, 1, -2, 4, 2, -1, 0, 1])).toBeNull();
  });

  it("says what the kernel does: the preset's line, or the reader's own", () => {
    expect(kernelLine([...KERNEL_PRESETS.sharpen.weights], [...KERNEL_NAMES])).toMatch(/^Sharpen: adds to each pixel/);
    expect(kernelLine([0, 0, 0, 0, 2, 0, 0, 0, 0], [...KERNEL_NAMES])).toMatch(/^Your own kernel/);
  });
});
