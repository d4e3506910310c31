/**
 * A Keras-style summary (layer, type, output shape, parameters) computed from the plan alone, so the
 * architecture table needs no weights and no forward pass. Conv arithmetic as Keras does it.
 */
import type { Plan } from './plan.ts';
import type { KerasLayer } from './keras-topology.ts';

export interface SummaryRow {
  /** Keras layer name. */
  layer: string;
  /** Keras class name. */
  type: string;
  /** Output shape without the batch axis. */
  outputShape: number[];
  /** Trainable and non-trainable parameters, as Keras counts them. */
  params: number;
  /** Name of the stage (unit) the layer belongs to; figures address a unit by this name. */
  unit: string;
}

export function summarize(plan: Plan, input: { width: number; height: number }): SummaryRow[] {
  let shape = [input.height, input.width, 3];
  const rows: SummaryRow[] = [];
  for (const stage of plan.stages) {
    for (const layer of stage.layers) {
      const params = paramCount(layer, shape);
      shape = outputShape(layer, shape);
      rows.push({ layer: layer.name, type: layer.className, outputShape: shape, params, unit: stage.name });
    }
  }
  return rows;
}

function paramCount(layer: KerasLayer, inShape: number[]): number {
  const c = layer.config;
  const channels = inShape[inShape.length - 1]!;
  if (layer.className === 'Conv2D') {
    const [kh, kw] = c.kernel_size as number[];
    const filters = Number(c.filters);
    return kh! * kw! * channels * filters + (c.use_bias === false ? 0 : filters);
  }
  if (layer.className === 'Dense') {
    const units = Number(c.units);
    return channels * units + (c.use_bias === false ? 0 : units);
  }
  if (layer.className === 'BatchNormalization') {
    return channels * (2 + (c.center === false ? 0 : 1) + (c.scale === false ? 0 : 1));
  }
  return 0;
}

function outputShape(layer: KerasLayer, [h = 0, w = 0, ch = 0]: number[]): number[] {
  const c = layer.config;
  switch (layer.className) {
    case 'Conv2D':
      return [...spatial(h, w, c.kernel_size as number[], c.strides as number[], c.padding), Number(c.filters)];
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return [...spatial(h, w, c.pool_size as number[], (c.strides ?? c.pool_size) as number[], c.padding), ch];
    case 'GlobalAveragePooling2D':
      return [ch];
    case 'Flatten':
      return [h * w * ch];
    case 'Dense':
      return [Number(c.units)];
    default:
      return ch ? [h, w, ch] : [h];
  }
}

function spatial(h: number, w: number, kernel: number[], strides: number[], padding: unknown): [number, number] {
  const [kh = 1, kw = kh] = kernel;
  const [sh = 1, sw = sh] = strides;
  if (padding === 'same') return [Math.ceil(h / sh), Math.ceil(w / sw)];
  return [Math.floor((h - kh) / sh) + 1, Math.floor((w - kw) / sw) + 1];
}
