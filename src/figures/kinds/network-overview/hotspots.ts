/**
 * Where each drawn map sits in the overview image and what it reads, from the layout the figure carries:
 * the component places a button over each map, and the page highlights the maps a focused one reads. No
 * engine and no DOM, so the build and the page share it.
 */
import { tileOrigin } from '../../../engine/visual/atlas-layout.ts';
import type { NetworkOverviewData, OverviewColumnData } from './recipe.ts';

export interface Hotspot {
  /** "<column>:<channel>", the button's key. */
  key: string;
  column: number;
  channel: number;
  /** Position and size in percent of the image. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The button's accessible name. */
  label: string;
}

export function hotspots(data: NetworkOverviewData): Hotspot[] {
  const { layout } = data;
  return data.columns.flatMap((column, c) =>
    column.channels.map((channel, i) => {
      const [x, y] = tileOrigin(layout, (column.row0 + i) * layout.columns + c);
      return {
        key: `${c}:${channel}`,
        column: c,
        channel,
        left: (100 * x) / layout.width,
        top: (100 * y) / layout.height,
        width: (100 * layout.tileWidth) / layout.width,
        height: (100 * layout.tileHeight) / layout.height,
        label: `${columnName(column)}, channel ${channel} (${column.shape[0]}×${column.shape[1]})`,
      };
    }),
  );
}

/** "conv_1_2", or "input (R)" for the photo's colour channels. */
export function columnName(column: OverviewColumnData, channel?: number): string {
  if (column.kind !== 'input') return column.layer;
  return channel === undefined ? 'input' : `input (${'RGB'[channel] ?? channel})`;
}

/** What the page needs to outline what a map reads (the component writes it on the hotspots). */
export type ColumnOutline = Pick<OverviewColumnData, 'kind' | 'channels'>;

/** The keys of the maps a map reads: a conv every drawn map before it, a pool its own channel, the output the last column. */
export function readsOf(columns: ColumnOutline[], column: number | 'output', channel = 0): string[] {
  const source = column === 'output' ? columns.length - 1 : column - 1;
  const previous = columns[source];
  const kind = column === 'output' ? 'output' : columns[column]!.kind;
  if (!previous || kind === 'input') return [];
  if (kind === 'max-pool') return previous.channels.includes(channel) ? [`${source}:${channel}`] : [];
  return previous.channels.map((c) => `${source}:${c}`);
}

/** Column headings' centres, in percent of the image width. */
export function columnCentres(data: NetworkOverviewData): number[] {
  const { layout } = data;
  return data.columns.map((_, c) => (100 * (tileOrigin(layout, c)[0] + layout.tileWidth / 2)) / layout.width);
}
