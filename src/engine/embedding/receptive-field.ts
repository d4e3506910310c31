/**
 * Receptive-field arithmetic for chain models: which input pixels a unit of a conv or pool layer can see.
 * Plan-only (no weights, no tensors), so a figure can outline a unit's window on the photo for free.
 *
 * Conventions. Pixel i of an axis has its centre at coordinate i. Per axis and per stage output:
 * - size: how many input pixels one unit spans, before clipping to the image;
 * - jump: input pixels between neighbouring units (the product of the strides so far);
 * - offset: the input coordinate of the centre of unit 0 (a half-integer after an even window; negative
 *   when padding puts unit 0's window partly before the image).
 * Unit y then spans input pixels offset - (size - 1) / 2 + y * jump, size of them.
 *
 * Padding is followed exactly as TensorFlow applies it, because the padding before a window decides where
 * unit 0 sits: 'valid' pads nothing; 'same' gives out = ceil(in / s) and pads max((out - 1) * s + k - in, 0)
 * in total, floor(total / 2) of it before. That depends on each stage's actual input size, so the walk
 * carries the map size along.
 */
import type { InputSize } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';
import type { Plan, Stage } from '../model/plan.ts';

/** One number per axis: [height, width]. */
export type AxisPair = [number, number];

export interface ReceptiveField {
  /** The stage (unit) whose output this describes. */
  stage: string;
  /** The network input size the field was computed for; unitBox clips to it. */
  input: InputSize;
  /** The output map's [height, width]; [1, 1] for a global field. */
  outputSize: AxisPair;
  /** Input pixels one unit spans, before clipping. */
  size: AxisPair;
  /** Input pixels between neighbouring units; 0 for a global field (one unit). */
  jump: AxisPair;
  /** Input coordinate of the centre of unit 0. */
  offset: AxisPair;
  /**
   * After a global pool, a flatten or a dense layer every unit sees everything the last spatial map saw:
   * the field is then that map's union (its bounding box), and the only position is (0, 0).
   */
  global: boolean;
}

/** Input pixels as array bounds: rows top..bottom-1, columns left..right-1 (bottom and right exclusive). */
export interface PixelBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One axis of the walk. `start` is the (unclipped) first input pixel of unit 0. */
interface Axis {
  length: number;
  size: number;
  jump: number;
  start: number;
}

/** The receptive field of every stage's output, in plan order, for this input size. */
export function stageFields(plan: Plan, input: InputSize): ReceptiveField[] {
  assertSize(input);
  let axes: [Axis, Axis] = [
    { length: input.height, size: 1, jump: 1, start: 0 },
    { length: input.width, size: 1, jump: 1, start: 0 },
  ];
  let global = false;
  return plan.stages.map((stage) => {
    const sliding = windowOf(stage);
    if (sliding) {
      if (global) throw new Error(`Stage ${stage.name} slides a window over a map that is already global.`);
      axes = ([0, 1] as const).map((a) => slide(axes[a], sliding, a, stage.name)) as [Axis, Axis];
    } else if (!global) {
      // Every unit of the last map feeds every unit from here on: the union of their windows.
      axes = axes.map((axis) => ({
        length: 1,
        size: (axis.length - 1) * axis.jump + axis.size,
        jump: 0,
        start: axis.start,
      })) as [Axis, Axis];
      global = true;
    }
    const [h, w] = axes;
    return {
      stage: stage.name,
      input: { ...input },
      outputSize: [h.length, w.length],
      size: [h.size, w.size],
      jump: [h.jump, w.jump],
      offset: [h.start + (h.size - 1) / 2, w.start + (w.size - 1) / 2],
      global,
    };
  });
}

/**
 * The receptive field of a layer (any name network.tap accepts, ':pre' names included: batch norm and
 * activations are pointwise, so they share their stage's field). Input size: the model's by default.
 */
export function receptiveField(network: Network, layer: string, input?: InputSize): ReceptiveField {
  const size = input ?? { width: network.spec.input.width, height: network.spec.input.height };
  if (!input && (size.width === 0 || size.height === 0))
    throw new Error(`Model ${network.spec.id} takes any input size: say which one the field is for.`);
  const point = network.tap(layer);
  // Walk only up to the tap: later stages do not matter, and a small input could fail there.
  return stageFields({ stages: network.plan.stages.slice(0, point.stage + 1), taps: network.plan.taps }, size)[
    point.stage
  ]!;
}

/**
 * The input pixels output unit (y, x) can see, clipped to the image; bottom and right are exclusive. For a
 * global field, (0, 0) is the only unit and its box is everything the last spatial map sees: the whole image
 * for every model here.
 */
export function unitBox(field: ReceptiveField, y: number, x: number): PixelBox {
  const [rows, cols] = field.outputSize;
  if (!Number.isInteger(y) || !Number.isInteger(x) || y < 0 || x < 0 || y >= rows || x >= cols) {
    throw new RangeError(`Unit (${y}, ${x}) is outside ${field.stage}'s ${rows}x${cols} map.`);
  }
  // offset - (size - 1) / 2 is an integer: offsets are exact half-integers in floating point.
  const first = (axis: 0 | 1, position: number) =>
    field.offset[axis] - (field.size[axis] - 1) / 2 + position * field.jump[axis];
  const top = first(0, y);
  const left = first(1, x);
  return {
    top: Math.max(0, top),
    left: Math.max(0, left),
    bottom: Math.min(field.input.height, top + field.size[0]),
    right: Math.min(field.input.width, left + field.size[1]),
  };
}

interface Window {
  kernel: AxisPair;
  strides: AxisPair;
  padding: 'same' | 'valid';
}

/** The sliding window of a conv or pool stage; null for the stages that make the map global. */
function windowOf(stage: Stage): Window | null {
  switch (stage.kind) {
    case 'conv': {
      const config = stage.main.config;
      const dilation = pair(config.dilation_rate ?? 1, `${stage.name}'s dilation_rate`);
      // A dilated kernel has holes: its field would not be a solid box, and nothing here needs one.
      if (dilation[0] !== 1 || dilation[1] !== 1) {
        throw new Error(
          `Layer ${stage.name} is dilated (dilation_rate ${dilation.join('x')}): receptive fields support undilated convs only.`,
        );
      }
      return {
        kernel: pair(config.kernel_size, `${stage.name}'s kernel_size`),
        strides: stage.strides,
        padding: stage.padding,
      };
    }
    case 'max-pool':
    case 'avg-pool':
      return { kernel: stage.poolSize, strides: stage.strides, padding: stage.padding };
    case 'dense':
    case 'global-avg-pool':
    case 'flatten':
      return null;
  }
}

/** One axis (0: height, 1: width) through a window, with TensorFlow's padding. */
function slide(axis: Axis, sliding: Window, a: 0 | 1, stage: string): Axis {
  const [k, s] = [sliding.kernel[a], sliding.strides[a]];
  let length: number;
  let before = 0;
  if (sliding.padding === 'same') {
    length = Math.ceil(axis.length / s);
    before = Math.floor(Math.max((length - 1) * s + k - axis.length, 0) / 2);
  } else {
    length = Math.floor((axis.length - k) / s) + 1;
  }
  if (length < 1) throw new Error(`Stage ${stage}: a ${axis.length}-pixel map is smaller than its ${k}-pixel window.`);
  return {
    length,
    size: axis.size + (k - 1) * axis.jump,
    jump: axis.jump * s,
    // Padding shifts unit 0's window back by `before` positions of the stage's input.
    start: axis.start - before * axis.jump,
  };
}

function pair(value: unknown, what: string): AxisPair {
  const [a, b = a] = Array.isArray(value) ? value.map(Number) : [Number(value)];
  if (!Number.isInteger(a) || !Number.isInteger(b) || a! < 1 || b! < 1)
    throw new Error(`${what} is ${JSON.stringify(value)}, not one or two positive integers.`);
  return [a!, b!];
}

function assertSize({ width, height }: InputSize): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new Error(`Input size ${width}x${height} is not a positive whole number of pixels.`);
}
