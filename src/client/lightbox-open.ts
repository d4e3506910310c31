/** A clicked tile of an atlas, full size with its value range (loaded on the first click). */
import { tileAt, tileOrigin, type AtlasLayout } from '../engine/visual/atlas-layout.ts';
import { figureData } from './figure-state.ts';

const DISPLAY_SIZE = 448;

/** Opens the tile at (u, v), the click's position as a fraction of the image's width and height. */
export async function openTile(
  dialog: HTMLDialogElement,
  image: HTMLImageElement,
  u: number,
  v: number,
): Promise<void> {
  const layout = JSON.parse(image.dataset.layout!) as AtlasLayout;
  const [x, y] = [u * layout.width, v * layout.height];
  const figure = image.closest<HTMLElement>('.ll-figure')!;
  const data = await figureData(figure);
  const atlas = data && 'atlas' in data ? data.atlas : null;
  const index = atlas ? tileAt(layout, x, y, atlas.channels.length) : null;
  if (!atlas || index === null) return;

  const canvas = dialog.querySelector('canvas')!;
  const zoom = Math.max(1, Math.floor(DISPLAY_SIZE / Math.max(layout.tileWidth, layout.tileHeight)));
  canvas.width = layout.tileWidth * zoom;
  canvas.height = layout.tileHeight * zoom;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  const [sx, sy] = tileOrigin(layout, index);
  context.drawImage(image, sx, sy, layout.tileWidth, layout.tileHeight, 0, 0, canvas.width, canvas.height);
  const range = atlas.ranges[index]!;
  dialog.querySelector('.ll-lightbox-caption')!.textContent =
    `${image.dataset.label} ${atlas.channels[index]} · ${layout.tileWidth}×${layout.tileHeight} · ` +
    `values from ${range.min.toPrecision(3)} (dark) to ${range.max.toPrecision(3)} (bright)`;
  dialog.showModal();
}
