/**
 * The geometry of an atlas: many same-sized tiles in a grid with a gap between them and around the edge.
 * No dependencies, so a page can map a click back to its tile without loading the engine.
 */

export interface AtlasLayout {
  /** Tile size in pixels. */
  tileWidth: number;
  tileHeight: number;
  /** Tiles per row. */
  columns: number;
  /** Rows of tiles. */
  rows: number;
  /** Pixels between tiles (and around the edge). */
  gap: number;
  /** Atlas size in pixels. */
  width: number;
  height: number;
}

export function atlasLayout(
  count: number,
  tileWidth: number,
  tileHeight: number,
  columns: number,
  gap: number,
): AtlasLayout {
  const cols = Math.max(1, Math.min(columns, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  return {
    tileWidth,
    tileHeight,
    columns: cols,
    rows,
    gap,
    width: cols * tileWidth + (cols + 1) * gap,
    height: rows * tileHeight + (rows + 1) * gap,
  };
}

/** Top-left pixel of tile i. */
export function tileOrigin(layout: AtlasLayout, index: number): [number, number] {
  const col = index % layout.columns;
  const row = Math.floor(index / layout.columns);
  return [layout.gap + col * (layout.tileWidth + layout.gap), layout.gap + row * (layout.tileHeight + layout.gap)];
}

/** The tile under atlas pixel (x, y), or null for the gap around tiles or past the last of `count` tiles. */
export function tileAt(layout: AtlasLayout, x: number, y: number, count: number): number | null {
  const col = Math.floor((x - layout.gap) / (layout.tileWidth + layout.gap));
  const row = Math.floor((y - layout.gap) / (layout.tileHeight + layout.gap));
  if (col < 0 || col >= layout.columns || row < 0 || row >= layout.rows) return null;
  const [x0, y0] = tileOrigin(layout, row * layout.columns + col);
  if (x >= x0 + layout.tileWidth || y >= y0 + layout.tileHeight) return null;
  const index = row * layout.columns + col;
  return index < count ? index : null;
}
