/**
 * What the figure shows for a layer, as text: every number its formulas and sentences hold (by slot key)
 * and which parts are shown (flags). The component renders from it at build time and the live script
 * rewrites the page from it, so the two never disagree. No DOM, no TeX.
 */
import type { LayerArithmetic, LayerSpec, Side } from './arithmetic.ts';

export type Flag = 'square' | 'nofit' | 'nofit-w' | 'nofit-h' | 'too-large' | 'odd-filter';

export interface ArithmeticView {
  values: Record<string, string>;
  flags: Record<Flag, boolean>;
}

/** A whole number as the page writes it: thousands separated, a true minus sign. */
export function count(n: number): string {
  return n.toLocaleString('en-US').replace('-', '−');
}

/** A quotient to two decimals at most ("2.33"), and whether that is exact (=) or rounded (≈). */
export function decimal(x: number): { text: string; relation: '=' | '≈' } {
  const hundredths = Math.round(x * 100);
  const exact = Math.abs(x * 100 - hundredths) < 1e-9;
  return { text: count(hundredths / 100), relation: exact ? '=' : '≈' };
}

const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
const volume = (w: number, h: number, d: number) => `${count(w)} × ${count(h)} × ${count(d)}`;

export function arithmeticView(spec: LayerSpec, layer: LayerArithmetic): ArithmeticView {
  const values: Record<string, string> = {
    d: count(spec.inputDepth),
    k: count(spec.filters),
    f: count(layer.filter),
    s: count(spec.stride),
    p: count(spec.padding),
    params: count(layer.params),
    inputs: count(layer.inputs),
    'out-w': count(layer.output.width),
    'out-h': count(layer.output.height),
    'out-d': count(layer.output.depth),
    'in-w': count(spec.inputWidth),
    'in-h': count(spec.inputHeight),
    keep: layer.keepPadding === null ? '' : count(layer.keepPadding),
  };
  const sides = layer.sides;
  if (!sides) return { values, flags: noFlags() };
  const square = spec.inputWidth === spec.inputHeight;
  Object.assign(values, sideValues('w', sides.width, square ? 'each side' : 'the width'));
  Object.assign(values, sideValues('h', sides.height, 'the height'));
  const depth = layer.output.depth;
  values['valid-volume'] = volume(sides.width.valid, sides.height.valid, depth);
  values['same-volume'] = volume(sides.width.same, sides.height.same, depth);
  values['nofit-text'] = notFitting(sides, square, layer.filter);
  return {
    values,
    flags: {
      square,
      nofit: !layer.fits,
      'nofit-w': !sides.width.fits,
      'nofit-h': !square && !sides.height.fits,
      'too-large': sides.width.tooLarge || sides.height.tooLarge,
      'odd-filter': layer.keepPadding !== null,
    },
  };
}

function noFlags(): Record<Flag, boolean> {
  return { square: true, nofit: false, 'nofit-w': false, 'nofit-h': false, 'too-large': false, 'odd-filter': false };
}

/** The numbers of one side's formulas, keyed `w-...` or `h-...`. */
function sideValues(key: 'w' | 'h', side: Side, name: string): Record<string, string> {
  const { text, relation } = decimal(side.exact);
  const [one, many] =
    name === 'each side'
      ? ['column and row', 'columns and rows']
      : key === 'h'
        ? ['row', 'rows']
        : ['column', 'columns'];
  const unseen = side.unseen
    ? `the last ${plural(side.unseen, one, many)} of the padded input ${side.unseen === 1 ? 'is' : 'are'} never seen.`
    : 'every cell is seen.';
  return {
    [`${key}-n`]: count(side.n),
    [`${key}-name`]: name,
    [`${key}-exact`]: text,
    [`${key}-rel`]: relation,
    [`${key}-valid`]: count(side.valid),
    [`${key}-same`]: count(side.same),
    [`${key}-pad`]: count(side.samePad.total),
    [`${key}-valid-text`]: side.tooLarge
      ? 'valid: no output, not one window fits.'
      : `valid rounds down to ${plural(side.valid, 'output')}: ${unseen}`,
    [`${key}-same-text`]: `same pads ${plural(side.samePad.total, 'zero')} (${count(side.samePad.before)} before, ${count(side.samePad.after)} after) for ${plural(side.same, 'output')}, whatever the padding set here.`,
  };
}

/** Why the windows do not tile the padded input, in words. */
function notFitting(sides: { width: Side; height: Side }, square: boolean, filter: number): string {
  const side = sides.width.fits ? sides.height : sides.width;
  const along = square ? '' : side === sides.width ? ' across the width' : ' down the height';
  const padded = side.n + 2 * side.p;
  if (side.tooLarge)
    return `the ${filter} × ${filter} filter is larger than the padded input${along} (${count(side.n)} + 2·${count(side.p)} = ${count(padded)} cells), so not one window fits.`;
  const hang = side.valid * side.s + side.f - padded;
  return `N − F + 2P = ${count(side.span)} is not a multiple of the stride ${count(side.s)}: after ${plural(side.valid, 'window')}${along}, the next would hang ${plural(hang, 'cell')} past the edge. A layer needs a whole number of outputs, so frameworks choose:`;
}

/** Whether a part marked data-when / data-unless (a flag) is hidden in this view. */
export function isHidden(flags: Record<Flag, boolean>, when?: Flag, unless?: Flag): boolean {
  return (when !== undefined && !flags[when]) || (unless !== undefined && flags[unless]);
}
