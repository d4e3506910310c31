/**
 * The figure's formulas as TeX, each number a slot (keys from view.ts) so the page can rewrite it. Build
 * time only: the component typesets them with src/math/mathml.ts; the page never sees TeX. A long
 * equation comes in parts (the symbols, then "= the numbers"), each its own <math>: MathML has no line
 * breaking, so the parts wrap instead on a narrow screen.
 */
import { numberSlot as v, relationSlot } from '../../../math/mathml.ts';
import type { LayerOp } from './arithmetic.ts';

type SideKey = 'w' | 'h';
const symbol = (key: SideKey) => (key === 'w' ? 'W' : 'H');

/** The padded span over the stride, with the side's numbers: (7 − 3 + 2·0)/3 (full size inside a sentence too). */
const quotient = (key: SideKey) => String.raw`\dfrac{${v(`${key}-n`)} - ${v('f')} + 2 \cdot ${v('p')}}{${v('s')}}`;

/** One side's output: W_2 = (W_1 − F + 2P)/S + 1 = (32 − 5 + 2·0)/1 + 1 = 28 (lhs "W_2 = H_2" when square). */
export function sizeTex(key: SideKey, lhs: string): string[] {
  const s = symbol(key);
  return [
    String.raw`${lhs} = \frac{${s}_1 - F + 2P}{S} + 1`,
    String.raw`= ${quotient(key)} + 1 ${relationSlot(`${key}-rel`)} ${v(`${key}-exact`)}`,
  ];
}

/** What valid does: round down. */
export function validTex(key: SideKey): string {
  return String.raw`\left\lfloor ${quotient(key)} \right\rfloor + 1 = ${v(`${key}-valid`)}`;
}

/** What same does: ceil(N/S) outputs, and the padding that takes. */
export function sameTex(key: SideKey): string[] {
  const [n, same] = [v(`${key}-n`), v(`${key}-same`)];
  return [
    String.raw`\left\lceil \dfrac{${n}}{${v('s')}} \right\rceil = ${same},`,
    String.raw`P_\text{total} = (${same} - 1) \cdot ${v('s')} + ${v('f')} - ${n} = ${v(`${key}-pad`)}`,
  ];
}

/** The output volume (pooling keeps the depth D; the others have one map per filter K). */
export function volumeTex(op: LayerOp): string {
  const depth = op === 'pool' ? 'D' : 'K';
  return String.raw`W_2 \times H_2 \times ${depth} = ${v('out-w')} \times ${v('out-h')} \times ${v('out-d')}`;
}

/** Learned parameters: weights plus one bias per filter or output. */
export function paramsTex(op: Exclude<LayerOp, 'pool'>): string[] {
  const [d, k, total] = [v('d'), v('k'), v('params')];
  if (op === 'fully-connected')
    return [
      String.raw`N_\text{in} \cdot N_\text{out} + N_\text{out}`,
      String.raw`= ${v('inputs')} \cdot ${k} + ${k} = ${total}`,
    ];
  const f = op === 'one-by-one' ? '1' : v('f');
  const symbolic = op === 'one-by-one' ? '1 \\cdot 1' : 'F \\cdot F';
  return [
    String.raw`(${symbolic} \cdot D + 1) \cdot K`,
    String.raw`= (${f} \cdot ${f} \cdot ${d} + 1) \cdot ${k} = ${total}`,
  ];
}

/** A fully connected layer's inputs: the volume flattened. */
export const inputsTex = [
  String.raw`N_\text{in} = W \cdot H \cdot D`,
  String.raw`= ${v('in-w')} \cdot ${v('in-h')} \cdot ${v('d')} = ${v('inputs')}`,
];

/** The zero padding that keeps the size at stride 1 (an odd filter). */
export const keepTex = String.raw`P = (F - 1)/2 = (${v('f')} - 1)/2 = ${v('keep')}`;

/** A 1x1 convolution at one position: a dot product through the depth, plus a bias. */
export const dotTex = String.raw`y_k = \sum_{c=1}^{${v('d')}} x_c \, w_{k,c} + b_k`;
