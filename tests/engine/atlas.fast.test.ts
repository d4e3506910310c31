/** Atlas geometry and drawing: tiles in a grid with gaps, each channel on its own scale, clicks mapped back. */
import { describe, expect, it } from 'vitest';
import { atlasLayout, featureMapAtlas, placeTile, blankAtlas, tileAtlas } from '../../src/engine/visual/atlas.ts';
import { tileAt, tileOrigin } from '../../src/engine/visual/atlas-layout.ts';
import { VIRIDIS } from '../../src/engine/visual/colormap.ts';

const BACKGROUND = [12, 34, 56, 255] as const;

describe('atlas layout', () => {
  it('sizes a grid of tiles with a gap between them and around the edge', () => {
    const layout = atlasLayout(10, 8, 6, 4, 2);
    expect(layout).toEqual({
      tileWidth: 8,
      tileHeight: 6,
      columns: 4,
      rows: 3,
      gap: 2,
      width: 4 * 8 + 5 * 2,
      height: 3 * 6 + 4 * 2,
    });
    expect(tileOrigin(layout, 0)).toEqual([2, 2]);
    expect(tileOrigin(layout, 5)).toEqual([2 + 10, 2 + 8]);
  });

  it('never has more columns than tiles', () => {
    expect(atlasLayout(3, 4, 4, 8, 1).columns).toBe(3);
    expect(atlasLayout(0, 4, 4, 8, 1)).toMatchObject({ columns: 1, rows: 1 });
  });

  it('maps a pixel back to its tile, and gaps or missing tiles to none', () => {
    const layout = atlasLayout(10, 8, 6, 4, 2);
    for (let index = 0; index < 10; index++) {
      const [x, y] = tileOrigin(layout, index);
      expect(tileAt(layout, x, y, 10)).toBe(index);
      expect(tileAt(layout, x + 7.9, y + 5.9, 10)).toBe(index);
    }
    expect(tileAt(layout, 1, 1, 10)).toBeNull(); // the outer gap
    expect(tileAt(layout, 10.5, 3, 10)).toBeNull(); // between tiles 0 and 1
    const [x, y] = tileOrigin(layout, 11);
    expect(tileAt(layout, x + 1, y + 1, 10)).toBeNull(); // past the last tile in the last row
  });
});

describe('atlas drawing', () => {
  it('scales each channel to its own range with viridis, and reports the ranges', () => {
    // A 2x2 map with 2 channels: channel 0 from 0 to 3, channel 1 constant.
    const data = new Float32Array([0, 5, 1, 5, 2, 5, 3, 5]);
    const { image, layout, ranges } = featureMapAtlas(data, [2, 2, 2], [0, 1], 2, 1, BACKGROUND);
    expect(ranges).toEqual([
      { min: 0, max: 3 },
      { min: 5, max: 5 },
    ]);
    const pixel = (x: number, y: number) => [
      ...image.rgba.subarray((y * layout.width + x) * 4, (y * layout.width + x) * 4 + 3),
    ];
    expect(pixel(1, 1)).toEqual([VIRIDIS[0], VIRIDIS[1], VIRIDIS[2]]); // the minimum
    expect(pixel(2, 2)).toEqual([VIRIDIS[255 * 3], VIRIDIS[255 * 3 + 1], VIRIDIS[255 * 3 + 2]]); // the maximum
    expect(pixel(4, 1)).toEqual([VIRIDIS[0], VIRIDIS[1], VIRIDIS[2]]); // a constant channel is drawn dark
  });

  it('copies tiles into place and leaves the gaps', () => {
    const tiles = new Uint8ClampedArray(2 * 2 * 2 * 4).map((_, i) => (i < 16 ? 10 : 200));
    const { image, layout } = tileAtlas(tiles, 2, 2, 2, 2, 1, BACKGROUND);
    const [x1] = tileOrigin(layout, 1);
    expect(image.rgba[(1 * layout.width + 1) * 4]).toBe(10);
    expect(image.rgba[(1 * layout.width + x1) * 4]).toBe(200);
    const gap = image.rgba[0];
    expect([...image.rgba.subarray(0, 4)]).toEqual([...BACKGROUND]); // the caller's background shows in the gaps
    const atlas = blankAtlas(layout, BACKGROUND);
    placeTile(atlas, layout, 1, { width: 2, height: 2, rgba: new Uint8ClampedArray(16).fill(77) });
    expect(atlas.rgba[(1 * layout.width + x1) * 4]).toBe(77);
    expect(atlas.rgba[(1 * layout.width + 1) * 4]).toBe(gap);
  });
});
