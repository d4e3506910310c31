/**
 * The layer arithmetic against every example of the CS231n lecture, the edge cases (a filter larger than
 * the padded input, stride 0 refused), and the props an author writes for each example.
 */
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../profiles.ts';
import { resolveFigure } from '../../validate.ts';
import { layerArithmetic, positionCount, sideArithmetic, windowAt, type LayerSpec } from './arithmetic.ts';
import { arithmeticView } from './view.ts';

const conv = (spec: Partial<LayerSpec>): LayerSpec => ({
  op: 'conv',
  ...{ inputWidth: 32, inputHeight: 32, inputDepth: 3, filter: 5, stride: 1, padding: 0, filters: 1 },
  ...spec,
});
const volume = (spec: LayerSpec) => Object.values(layerArithmetic(spec).output);

describe('the lecture, example by example', () => {
  it('a 5x5x3 filter on a 32x32x3 image gives one 28x28 map; six filters give 28x28x6', () => {
    expect(volume(conv({}))).toEqual([28, 28, 1]);
    expect(volume(conv({ filters: 6 }))).toEqual([28, 28, 6]);
    expect(layerArithmetic(conv({ filters: 6 })).params).toBe((5 * 5 * 3 + 1) * 6);
  });

  it('a 3x3 filter on 7x7: 5 at stride 1, 3 at stride 2, and at stride 3 it does not fit', () => {
    expect(sideArithmetic(7, 3, 1, 0)).toMatchObject({ exact: 5, fits: true, valid: 5 });
    expect(sideArithmetic(7, 3, 2, 0)).toMatchObject({ exact: 3, fits: true, valid: 3 });
    const three = sideArithmetic(7, 3, 3, 0);
    expect(three.exact).toBeCloseTo(2.333, 3);
    expect(three).toMatchObject({ fits: false, tooLarge: false, valid: 2, unseen: 1, same: 3 });
    expect(three.samePad).toEqual({ total: 2, before: 1, after: 1 });
    const layer = layerArithmetic(conv({ inputWidth: 7, inputHeight: 7, filter: 3, stride: 3 }));
    expect(layer.fits).toBe(false);
    expect(layer.output).toEqual({ width: 2, height: 2, depth: 1 });
  });

  it('the page never states 2.33 as an output without saying the filter does not fit', () => {
    const spec = conv({ inputWidth: 7, inputHeight: 7, filter: 3, stride: 3 });
    const view = arithmeticView(spec, layerArithmetic(spec));
    expect(view.values['w-exact']).toBe('2.33');
    expect(view.values['w-rel']).toBe('≈');
    expect(view.flags.nofit).toBe(true);
    expect(view.values['nofit-text']).toContain('not a multiple of the stride 3');
    expect(view.values['valid-volume']).toBe('2 × 2 × 1');
    expect(view.values['same-volume']).toBe('3 × 3 × 1');
    expect(view.values['w-same-text']).toContain('same pads 2 zeros (1 before, 1 after) for 3 outputs');
  });

  it('zero padding (F - 1)/2 keeps the size at stride 1', () => {
    for (const filter of [1, 3, 5, 7]) {
      const keep = layerArithmetic(conv({ filter })).keepPadding!;
      expect(keep).toBe((filter - 1) / 2);
      expect(volume(conv({ filter, padding: keep }))).toEqual([32, 32, 1]);
    }
    expect(layerArithmetic(conv({ filter: 4 })).keepPadding).toBeNull();
  });

  it('ten 5x5 filters, stride 1, pad 2 on 32x32x3: 32x32x10 and 760 parameters', () => {
    const layer = layerArithmetic(conv({ filters: 10, padding: 2 }));
    expect(layer.output).toEqual({ width: 32, height: 32, depth: 10 });
    expect(layer.params).toBe(760);
  });

  it('32 1x1 filters on 56x56x64: 56x56x32, a dot product through the depth', () => {
    const layer = layerArithmetic({
      ...conv({ inputWidth: 56, inputHeight: 56, inputDepth: 64, filters: 32 }),
      op: 'one-by-one',
    });
    expect(layer.filter).toBe(1);
    expect(layer.output).toEqual({ width: 56, height: 56, depth: 32 });
    expect(layer.params).toBe((64 + 1) * 32);
  });

  it('max pooling 2x2 stride 2: 224x224x64 gives 112x112x64 and has no parameters', () => {
    const layer = layerArithmetic({
      ...conv({ inputWidth: 224, inputHeight: 224, inputDepth: 64, filter: 2, stride: 2 }),
      op: 'pool',
    });
    expect(layer.output).toEqual({ width: 112, height: 112, depth: 64 });
    expect(layer.params).toBe(0);
  });

  it('a fully connected layer: inputs·outputs + outputs', () => {
    const layer = layerArithmetic({ ...conv({ filters: 10 }), op: 'fully-connected' });
    expect(layer.inputs).toBe(32 * 32 * 3);
    expect(layer.params).toBe(3072 * 10 + 10);
    expect(layer.output).toEqual({ width: 1, height: 1, depth: 10 });
    expect(positionCount(layer)).toBe(0);
  });
});

describe('edges', () => {
  it('a filter larger than the padded input: no window, no valid output, same still pads', () => {
    const side = sideArithmetic(7, 9, 1, 0);
    expect(side).toMatchObject({ span: -2, tooLarge: true, fits: false, valid: 0, same: 7 });
    expect(side.samePad.total).toBe(8);
    const spec = conv({ inputWidth: 7, inputHeight: 7, filter: 9 });
    const layer = layerArithmetic(spec);
    expect(positionCount(layer)).toBe(0);
    expect(arithmeticView(spec, layer).flags['too-large']).toBe(true);
    // Padding that makes room makes it fit again.
    expect(layerArithmetic(conv({ inputWidth: 7, inputHeight: 7, filter: 9, padding: 1 })).output.width).toBe(1);
  });

  it('steps the window row by row, S cells at a time', () => {
    const layer = layerArithmetic(conv({ inputWidth: 7, inputHeight: 7, filter: 3, stride: 2 }));
    expect(positionCount(layer)).toBe(9);
    expect(windowAt(layer, 0)).toEqual({ row: 0, col: 0, top: 0, left: 0 });
    expect(windowAt(layer, 4)).toEqual({ row: 1, col: 1, top: 2, left: 2 });
    expect(windowAt(layer, 8)).toEqual({ row: 2, col: 2, top: 4, left: 4 });
  });

  it('a rectangular input: each side on its own', () => {
    const spec = conv({ inputWidth: 7, inputHeight: 9, filter: 3, stride: 3 });
    const layer = layerArithmetic(spec);
    expect([layer.sides!.width.fits, layer.sides!.height.fits]).toEqual([false, true]);
    const flags = arithmeticView(spec, layer).flags;
    expect(flags).toMatchObject({ square: false, 'nofit-w': true, 'nofit-h': false });
  });
});

describe('props', () => {
  const resolve = (props: Record<string, unknown>) =>
    resolveFigure('layer-arithmetic', props, 'chelsea.png', PROFILES.cpu);

  it("defaults to the lecture's first example, and takes no photo", () => {
    expect(resolve({})).toEqual({
      status: 'ok',
      recipe: {
        kind: 'layer-arithmetic',
        op: 'conv',
        inputWidth: 32,
        inputHeight: 32,
        inputDepth: 3,
        filter: 5,
        stride: 1,
        padding: 0,
        filters: 1,
      },
    });
    expect(resolve({ follows: true })).toMatchObject({ status: 'invalid' });
    // `width` stays the figure's own (column, wide, full): the input's is inputWidth.
    expect(resolve({ width: 'wide', inputWidth: 7 })).toMatchObject({ status: 'ok', width: 'wide' });
  });

  it('refuses stride 0, and values the operation does not use', () => {
    expect(resolve({ stride: 0 })).toMatchObject({
      status: 'invalid',
      problems: [expect.stringMatching(/prop "stride"/)],
    });
    expect(resolve({ op: 'pool', filters: 4 })).toMatchObject({
      status: 'invalid',
      problems: [
        expect.stringMatching(
          /op="pool" does not use filters; its values are inputWidth, inputHeight, inputDepth, filter, stride, padding/,
        ),
      ],
    });
    expect(resolve({ op: 'one-by-one', filter: 3 })).toMatchObject({ status: 'invalid' });
  });

  it('pooling defaults to 2x2 at stride 2', () => {
    expect(resolve({ op: 'pool', inputWidth: 224, inputDepth: 64 })).toMatchObject({
      recipe: { filter: 2, stride: 2, inputHeight: 224 },
    });
  });
});
