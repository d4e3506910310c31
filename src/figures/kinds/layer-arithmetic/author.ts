/**
 * <LayerArithmetic op="conv" inputWidth={7} filter={3} stride={3} />: props and the recipe. It names no model
 * and no image, so nothing is checked against the registry and a reader's photo never touches it.
 */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { DEFAULTS, DEFAULT_FILTER, DEFAULT_STRIDE, FIELDS, LAYER_OPS, LIMITS, type LayerField } from './arithmetic.ts';

const count = (field: LayerField) => z.number().int().min(LIMITS[field][0]).max(LIMITS[field][1]).optional();

const props = z
  .object({
    op: z
      .enum(LAYER_OPS)
      .default(DEFAULTS.op)
      .describe('The layer: conv, pool (max pooling), one-by-one (a 1x1 convolution) or fully-connected.'),
    inputWidth: count('inputWidth').describe(`Input width W in cells (default ${DEFAULTS.inputWidth}).`),
    inputHeight: count('inputHeight').describe('Input height H in cells (default: the input width, a square input).'),
    inputDepth: count('inputDepth').describe(`Input depth D, its channels (default ${DEFAULTS.inputDepth}).`),
    filter: count('filter').describe(
      `Filter side F (default ${DEFAULT_FILTER.conv} for conv, ${DEFAULT_FILTER.pool} for pool); not for one-by-one or fully-connected.`,
    ),
    stride: count('stride').describe(
      `Stride S, cells the window moves per step (default ${DEFAULT_STRIDE.conv}; ${DEFAULT_STRIDE.pool} for pool); not for fully-connected.`,
    ),
    padding: count('padding').describe(
      `Zero padding P on each side (default ${DEFAULTS.padding}); not for fully-connected.`,
    ),
    filters: count('filters').describe(
      `Number of filters K, or of outputs for fully-connected (default ${DEFAULTS.filters}); not for pool, which keeps the depth.`,
    ),
  })
  .superRefine((p, context) => {
    // A value the operation does not read would be silently ignored: say so, with what it does read.
    for (const field of Object.keys(LIMITS) as LayerField[]) {
      if (p[field] === undefined || FIELDS[p.op].includes(field)) continue;
      context.addIssue({
        code: 'custom',
        path: [field],
        message: `op="${p.op}" does not use ${field}; its values are ${FIELDS[p.op].join(', ')}`,
      });
    }
  });

export const layerArithmeticAuthoring = defineAuthoring({
  kind: 'layer-arithmetic',
  component: 'LayerArithmetic',
  summary:
    "a layer's output size and parameter count, formulas typeset with the numbers in, and its window sliding over the padded input; the reader changes every number",
  props,
  names: () => ({}),
  toRecipe: (p) => {
    const inputWidth = p.inputWidth ?? DEFAULTS.inputWidth;
    return {
      kind: 'layer-arithmetic',
      op: p.op,
      inputWidth,
      inputHeight: p.inputHeight ?? inputWidth,
      inputDepth: p.inputDepth ?? DEFAULTS.inputDepth,
      filter: p.filter ?? DEFAULT_FILTER[p.op],
      stride: p.stride ?? DEFAULT_STRIDE[p.op],
      padding: p.padding ?? DEFAULTS.padding,
      filters: p.filters ?? DEFAULTS.filters,
    };
  },
  cost: () => 0.001,
});
