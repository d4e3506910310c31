/** <NetworkOverview>: every layer of a run for one photo, one column per layer, each channel a small map. */
import type { AtlasLayout, ConvWeightsData, SpanKind, ValueRange, WindowGeometry } from '../../../engine/index.ts';
import type { PhotoRecipeBase } from '../../common/recipe-parts.ts';

export interface NetworkOverviewRecipe extends PhotoRecipeBase {
  kind: 'network-overview';
  /** First and last layer of the run (stage names); the column before the first is the one it reads. */
  from: string;
  to: string;
  /** Channels drawn per layer, evenly spaced when a layer has more. */
  channels: number;
  /** Which channels a layer with more shows: evenly spaced, or a page of consecutive ones. */
  pick: 'sampled' | 'paged';
  /** The page shown when paged (the reader pages on from it). */
  page: number;
  /** Side of every map in the image, in pixels. */
  tile: number;
  /** Images the reader may pick instead of the photo, as "<pack>/<file>". */
  presets: string[];
}

export interface OverviewColumnData {
  /** Stage name, or "input". */
  layer: string;
  kind: SpanKind;
  /** The layer's full output shape [h, w, c]. */
  shape: number[];
  /** Channels drawn, top to bottom; the first sits at grid row `row0`. */
  channels: number[];
  row0: number;
  /** Value range of each drawn map, in order. */
  ranges: ValueRange[];
  /** Channels whose values `values` holds: all of them where a later column reads this one, else the drawn ones. */
  stored: number[];
  /** Interleaved [h, w, stored.length] values (rounded to 1e-5). */
  values: number[];
  /** A conv column's weights, for its drawn channels. */
  conv?: ConvWeightsData;
  /** A pool column's window. */
  pool?: WindowGeometry;
}

export interface OverviewOutputData {
  layer: string;
  labels: string[];
  /** The dense kernel [in, classes] (row-major) and bias: in is the last column's values, flattened. */
  kernel: number[];
  bias: number[];
  probabilities: number[];
}

export interface NetworkOverviewData {
  /** The grid: a column per layer, a row per drawn channel. */
  layout: AtlasLayout;
  columns: OverviewColumnData[];
  output: OverviewOutputData | null;
}
