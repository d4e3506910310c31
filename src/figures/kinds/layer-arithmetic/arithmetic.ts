/**
 * The arithmetic of one CNN layer, as CS231n teaches it: the output size (N - F + 2P)/S + 1 on each side,
 * what frameworks do when the filter does not fit (valid rounds down, same pads to ceil(N/S)), the
 * parameter count, and where the window is at each step. Plain TypeScript, no DOM and no tfjs: the build
 * (compute and component) and the page's live script both run this one module, so what a reader changes
 * is computed by the same code as the figure the build drew.
 */

export const LAYER_OPS = ['conv', 'pool', 'one-by-one', 'fully-connected'] as const;
export type LayerOp = (typeof LAYER_OPS)[number];

export interface LayerSpec {
  op: LayerOp;
  /** The input volume W x H x D. */
  inputWidth: number;
  inputHeight: number;
  inputDepth: number;
  /** Filter (window) side F; 1 for a 1x1 convolution; unused by a fully connected layer. */
  filter: number;
  stride: number;
  /** Zero padding P on each side. */
  padding: number;
  /** Filters K (conv, 1x1) or outputs (fully connected); pooling keeps the input's depth. */
  filters: number;
}

export type LayerField = Exclude<keyof LayerSpec, 'op'>;

/** [least, most] of each value: the props' schema and the page's number inputs share them. */
export const LIMITS: Record<LayerField, readonly [number, number]> = {
  inputWidth: [1, 1024],
  inputHeight: [1, 1024],
  inputDepth: [1, 4096],
  filter: [1, 64],
  stride: [1, 64],
  padding: [0, 64],
  filters: [1, 4096],
};

/** The values each operation reads, in the order the page offers them. */
export const FIELDS: Record<LayerOp, readonly LayerField[]> = {
  conv: ['inputWidth', 'inputHeight', 'inputDepth', 'filter', 'stride', 'padding', 'filters'],
  pool: ['inputWidth', 'inputHeight', 'inputDepth', 'filter', 'stride', 'padding'],
  'one-by-one': ['inputWidth', 'inputHeight', 'inputDepth', 'stride', 'padding', 'filters'],
  'fully-connected': ['inputWidth', 'inputHeight', 'inputDepth', 'filters'],
};

/** Defaults: the lecture's first example (one 5x5x3 filter on a 32x32x3 image); pooling's common 2x2, stride 2. */
export const DEFAULTS = { op: 'conv', inputWidth: 32, inputDepth: 3, padding: 0, filters: 1 } as const;
export const DEFAULT_FILTER: Record<LayerOp, number> = { conv: 5, pool: 2, 'one-by-one': 1, 'fully-connected': 1 };
export const DEFAULT_STRIDE: Record<LayerOp, number> = { conv: 1, pool: 2, 'one-by-one': 1, 'fully-connected': 1 };

/** Why a value is refused (the page's inputs), or null: whole numbers within LIMITS. */
export function refusal(field: LayerField, value: number): string | null {
  const [least, most] = LIMITS[field];
  return Number.isInteger(value) && value >= least && value <= most ? null : `a whole number from ${least} to ${most}`;
}

/** One side of the input (its width or its height) under the window. */
export interface Side {
  /** N, F, S, P along this side. */
  n: number;
  f: number;
  s: number;
  p: number;
  /** N - F + 2P: how far the window travels across the padded input. */
  span: number;
  /** span / S + 1: the formula's value, fractional when the filter does not fit. */
  exact: number;
  /** The windows tile the padded input exactly: span is at least 0 and a multiple of S. */
  fits: boolean;
  /** F is larger than the padded input: not one window fits. */
  tooLarge: boolean;
  /** Windows that fit, counted from the start (Keras' valid, PyTorch with any padding): rounded down. */
  valid: number;
  /** Padded cells past the last of those windows, which no window sees. */
  unseen: number;
  /** Keras' same: ceil(N / S) outputs whatever F, with the padding that takes (the odd cell after). */
  same: number;
  samePad: { total: number; before: number; after: number };
}

export function sideArithmetic(n: number, f: number, s: number, p: number): Side {
  const span = n - f + 2 * p;
  const tooLarge = span < 0;
  const same = Math.ceil(n / s);
  const total = Math.max(0, (same - 1) * s + f - n);
  const before = Math.floor(total / 2);
  return {
    ...{ n, f, s, p, span, exact: span / s + 1, tooLarge },
    fits: !tooLarge && span % s === 0,
    valid: tooLarge ? 0 : Math.floor(span / s) + 1,
    unseen: tooLarge ? 0 : span % s,
    same,
    samePad: { total, before, after: total - before },
  };
}

export interface LayerArithmetic {
  op: LayerOp;
  /** The filter side the layer uses (1 for a 1x1 convolution). */
  filter: number;
  /** Width and height under the window (null for a fully connected layer, which has none). */
  sides: { width: Side; height: Side } | null;
  /** Both sides fit (a fully connected layer always does). */
  fits: boolean;
  /** The output volume; where a side does not fit, its windows that fit (valid). */
  output: { width: number; height: number; depth: number };
  /** W x H x D, the input's values (a fully connected layer's inputs). */
  inputs: number;
  /** Learned weights and biases: (F·F·D + 1)·K, none for pooling, inputs·outputs + outputs. */
  params: number;
  /** The padding (F - 1)/2 that keeps the size at stride 1, or null for an even filter (none does). */
  keepPadding: number | null;
}

export function layerArithmetic(spec: LayerSpec): LayerArithmetic {
  const inputs = spec.inputWidth * spec.inputHeight * spec.inputDepth;
  if (spec.op === 'fully-connected') {
    const output = { width: 1, height: 1, depth: spec.filters };
    const params = inputs * spec.filters + spec.filters;
    return { op: spec.op, filter: 1, sides: null, fits: true, output, inputs, params, keepPadding: null };
  }
  const filter = spec.op === 'one-by-one' ? 1 : spec.filter;
  const width = sideArithmetic(spec.inputWidth, filter, spec.stride, spec.padding);
  const height = sideArithmetic(spec.inputHeight, filter, spec.stride, spec.padding);
  const depth = spec.op === 'pool' ? spec.inputDepth : spec.filters;
  return {
    op: spec.op,
    filter,
    sides: { width, height },
    fits: width.fits && height.fits,
    output: { width: width.valid, height: height.valid, depth },
    inputs,
    params: spec.op === 'pool' ? 0 : (filter * filter * spec.inputDepth + 1) * spec.filters,
    keepPadding: filter % 2 === 1 ? (filter - 1) / 2 : null,
  };
}

/** How many window positions the layer visits (row by row); none for a fully connected layer. */
export function positionCount(layer: LayerArithmetic): number {
  return layer.sides ? layer.output.width * layer.output.height : 0;
}

/** The window at step `index`: the output cell it writes and its top-left cell in the padded input. */
export function windowAt(
  layer: LayerArithmetic,
  index: number,
): { row: number; col: number; top: number; left: number } {
  const cols = Math.max(1, layer.output.width);
  const row = Math.floor(index / cols);
  const col = index % cols;
  const stride = layer.sides?.width.s ?? 1;
  return { row, col, top: row * stride, left: col * stride };
}
