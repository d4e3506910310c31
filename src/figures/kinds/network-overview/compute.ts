/**
 * One forward pass of the photo through the run's layers (and the model's input as the first column when
 * the run starts there), the grid image, and what the panel needs to take any drawn map apart: the values
 * each column's maps read, and the weights of the drawn channels. The same code runs in the build and in
 * the page's worker (a sample preset, a reader's photo).
 */
import { overview, type Network, type ResizeMode, type ImagePixels, type SpanColumn } from '../../../engine/index.ts';
import { PAGE_BACKGROUND } from '../../common/atlas-style.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { NetworkOverviewData, NetworkOverviewRecipe, OverviewColumnData } from './recipe.ts';

/** Pixels between maps: wide enough that the columns read as layers. */
export const OVERVIEW_GAP = 6;

interface Values {
  data: Float32Array;
  shape: number[];
}

export const networkOverview: FigureComputation<NetworkOverviewRecipe, NetworkOverviewData> = {
  reads: (recipe) => ({ models: { [recipe.model]: [recipe.to] }, images: [recipe.image] }),
  async compute(recipe, inputs, run) {
    const network = await inputs.network(recipe.model);
    const pixels = await inputs.image(recipe.image);
    run.signal?.throwIfAborted();
    const span = overview.overviewSpan(network, recipe.from, recipe.to);
    const passes = await spanValues(network, pixels, span.columns, span.output?.layer, recipe.resize);
    const values = passes.slice(0, span.columns.length);
    const drawn = values.map((v) =>
      recipe.pick === 'paged'
        ? overview.pageChannels(v.shape[2] ?? 1, recipe.channels, recipe.page)
        : overview.sampleChannels(v.shape[2] ?? 1, recipe.channels),
    );
    const rows = Math.max(...drawn.map((d) => d.length));
    const row0 = drawn.map((d) => Math.floor((rows - d.length) / 2));
    const atlas = overview.overviewAtlas(
      values.map((v, i) => ({ ...v, channels: drawn[i]!, row0: row0[i]! })),
      rows,
      recipe.tile,
      OVERVIEW_GAP,
      PAGE_BACKGROUND,
    );
    const columns = await Promise.all(
      span.columns.map(async (column, i): Promise<OverviewColumnData> => {
        const { data, shape } = values[i]!;
        const readLater = i < span.columns.length - 1 || span.output !== null;
        const stored = readLater ? overview.sampleChannels(shape[2] ?? 1, Infinity) : drawn[i]!;
        return {
          layer: column.layer,
          kind: column.kind,
          shape,
          channels: drawn[i]!,
          row0: row0[i]!,
          ranges: atlas.ranges[i]!,
          stored,
          values: roundedChannels(data, shape[2] ?? 1, stored),
          ...(column.kind === 'conv' && { conv: await overview.convWeights(network, column.stage, drawn[i]!) }),
          ...(column.kind === 'max-pool' && { pool: overview.poolGeometry(network, column.stage) }),
        };
      }),
    );
    const output = span.output && {
      layer: span.output.layer,
      labels: network.labels,
      ...(await overview.denseWeights(network, span.output.stage)),
      probabilities: Array.from(passes[passes.length - 1]!.data),
    };
    return { image: atlas.image, data: { layout: atlas.layout, columns, output } };
  },
};

/** Each column's values from one pass (the output's last), the model's input tensor for an input column. */
async function spanValues(
  network: Network,
  pixels: ImagePixels,
  columns: SpanColumn[],
  output: string | undefined,
  resize: ResizeMode,
): Promise<Values[]> {
  const layers = columns.filter((c) => c.kind !== 'input').map((c) => c.layer);
  const passes = await network.activations(pixels, output ? [...layers, output] : layers, { resize });
  const maps: Values[] = passes.map(({ data, shape }) => ({ data, shape }));
  if (columns[0]?.kind !== 'input') return maps;
  const tensor = network.preprocess(pixels, { resize });
  try {
    return [{ data: await tensor.data<'float32'>(), shape: tensor.shape.slice(1) }, ...maps];
  } finally {
    tensor.dispose();
  }
}

/** The stored channels of an interleaved [h, w, c] array, rounded to 1e-5 (the page reads them as JSON). */
function roundedChannels(data: Float32Array, c: number, stored: number[]): number[] {
  const out = new Array<number>((data.length / c) * stored.length);
  let at = 0;
  for (let p = 0; p < data.length; p += c) {
    for (const channel of stored) out[at++] = Math.round(data[p + channel]! * 1e5) / 1e5;
  }
  return out;
}
