/**
 * The map in the reader's browser: on waking, the set's index (the build's coordinates and each image's
 * 32x32 pixels) becomes an interactive map per method (zoom, pan, captions, keyboard); a reader's photo
 * moves its marked point and links without re-fitting anything.
 */
import { textLive } from '../../common/text-live.ts';
import { parseSetIndex } from '../../common/image-set/serialise.ts';
import type { SetIndex } from '../../common/image-set/set-index.ts';
import type { LiveKind } from '../../contract/live.ts';
import { embeddingMapMarkup } from './markup.ts';
import { mountMapView, type MapView, type ReaderPoint, type ThumbSheet } from './map-view.ts';
import type { EmbeddingMapData } from './recipe.ts';
import './map-view.css';

interface MapConfig {
  index: string;
  title: string;
  data: EmbeddingMapData;
}

const views = new WeakMap<HTMLElement, MapView[]>();
const text = textLive<EmbeddingMapData>(embeddingMapMarkup, '.ll-set-text');

export const live: LiveKind<EmbeddingMapData> = {
  wake(figure) {
    const holder = figure.querySelector<HTMLElement>('.ll-map-live');
    if (!holder || views.has(figure)) return;
    views.set(figure, []);
    const config = JSON.parse(holder.dataset.map!) as MapConfig;
    void mount(figure, holder, config).catch((error: unknown) => {
      holder.textContent = `The interactive map could not load (${String(error)}); the picture above is the same map.`;
    });
  },
  show(figure, data) {
    views.get(figure)?.forEach((view, i) => view.setReader(readerOf(data, i)));
    text.show?.(figure, data);
  },
  restore(figure) {
    const holder = figure.querySelector<HTMLElement>('.ll-map-live');
    if (holder) {
      const { data } = JSON.parse(holder.dataset.map!) as MapConfig;
      views.get(figure)?.forEach((view, i) => view.setReader(readerOf(data, i)));
    }
    text.restore?.(figure);
  },
};

async function mount(figure: HTMLElement, holder: HTMLElement, config: MapConfig): Promise<void> {
  const response = await fetch(config.index);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const index = parseSetIndex(await response.text());
  const thumbs = await thumbSheet(index);
  const mounted = config.data.panels.map((panel, i) => {
    const box = holder.appendChild(document.createElement('div'));
    box.className = 'll-map-panel';
    const coordinates = index.layouts[panel.method];
    return mountMapView(box, {
      // Both the picture and the view draw y upwards, as a plot.
      points: index.images.map((img, p) => ({
        x: coordinates[p * 2]!,
        y: coordinates[p * 2 + 1]!,
        caption: img.caption,
        group: img.category,
        thumb: p,
      })),
      thumbs,
      title: `${panel.method.toUpperCase()} of ${config.title}`,
      reader: readerOf(config.data, i),
    });
  });
  views.set(figure, mounted);
  figure.classList.add('ll-map-awake');
}

function readerOf(data: EmbeddingMapData, panel: number): ReaderPoint {
  const { x, y } = data.panels[panel]!.reader;
  return { x, y, neighbours: data.neighbours.map((n) => n.index), caption: 'Your photo' };
}

/** The set's 32x32 pixel copies as one sprite sheet (a blob URL): the thumbnails, with no extra download. */
async function thumbSheet(index: SetIndex): Promise<ThumbSheet> {
  const count = index.images.length;
  const columns = Math.ceil(Math.sqrt(count));
  const canvas = document.createElement('canvas');
  canvas.width = columns * 32;
  canvas.height = Math.ceil(count / columns) * 32;
  const context = canvas.getContext('2d')!;
  const tile = context.createImageData(32, 32);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < 1024; p++) {
      tile.data.set(index.pixels.subarray(i * 3072 + p * 3, i * 3072 + p * 3 + 3), p * 4);
      tile.data[p * 4 + 3] = 255;
    }
    context.putImageData(tile, (i % columns) * 32, Math.floor(i / columns) * 32);
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no sprite sheet'))), 'image/png'),
  );
  return { url: URL.createObjectURL(blob), size: 32, columns };
}
