/**
 * Computes a figure from its recipe: RGBA images plus the data a page needs to describe them (channel
 * order, value ranges, atlas layout, classes). Used unchanged at build time and in the browser, which is
 * what makes a reader's recompute of the article's photo match the precomputed figure.
 */
import type { Network } from '../model/network.ts';
import type { Prediction } from '../model/classify.ts';
import type { ValueRange } from '../model/value-range.ts';
import { summarize, type SummaryRow } from '../model/summary.ts';
import { featureMapAtlas, tileAtlas, type AtlasLayout, type RgbaImage } from '../visual/atlas.ts';
import { filterImages } from '../visual/filters.ts';
import type { Recipe } from './recipe.ts';
import { computeDreamFigure, type DreamData, type DreamProgress } from './dream-figures.ts';
import type { PhotoAnalysis } from './photo-analysis.ts';
import type { StyleData } from './style-figures.ts';

export interface AtlasData {
  layout: AtlasLayout;
  /** Channel (or filter tile) index drawn in each tile, in tile order. */
  channels: number[];
  /** Value range of each tile, in tile order (feature maps: activations; filters: the layer's weight scale). */
  ranges: ValueRange[];
  /** The layer's full output shape [h, w, c]. */
  layerShape: number[];
}

export type FigureData =
  | { kind: 'feature-maps' | 'channel-sweep'; atlas: AtlasData }
  | { kind: 'filters'; atlas: AtlasData; mode: 'rgb' | 'grey'; inputChannels: number; scale: number }
  | { kind: 'top-k'; predictions: Prediction[] }
  | { kind: 'architecture'; rows: SummaryRow[]; input: { width: number; height: number } }
  | DreamData
  | StyleData;

export interface FigureResult {
  /** The figure's image (absent for tables). */
  image?: RgbaImage;
  data: FigureData;
}

/** Computes a figure; `photo` (the photo through this recipe's model) is required for recipes that use one. */
export async function computeFigure(
  recipe: Recipe,
  network: Network,
  photo?: PhotoAnalysis,
  progress?: DreamProgress,
): Promise<FigureResult> {
  switch (recipe.kind) {
    case 'dream-gallery':
    case 'class-dream':
    case 'dream-compare':
    case 'deepdream':
      return computeDreamFigure(recipe, network, photo?.pixels, progress);
    case 'feature-maps':
    case 'channel-sweep': {
      const activation = await need(photo).layer(recipe.layer, recipe.resize);
      // A sweep is a sprite strip: one row, no gaps, so frame i sits at exactly i tile widths.
      const [columns, gap] = recipe.kind === 'feature-maps' ? [recipe.columns, 2] : [recipe.channels.length, 0];
      const { image, layout, ranges } = featureMapAtlas(
        activation.data,
        activation.shape,
        recipe.channels,
        columns,
        gap,
      );
      return {
        image,
        data: { kind: recipe.kind, atlas: { layout, channels: recipe.channels, ranges, layerShape: activation.shape } },
      };
    }
    case 'top-k':
      return { data: { kind: 'top-k', predictions: await need(photo).predictions(recipe.k, recipe.resize) } };
    case 'filters': {
      const weights = await network.filterWeights(recipe.layer);
      const tiles = filterImages(weights.shape, weights.data);
      const { image, layout } = tileAtlas(tiles.rgba, tiles.count, tiles.width, tiles.height, recipe.columns);
      const range = { min: -tiles.scale, max: tiles.scale };
      return {
        image,
        data: {
          kind: 'filters',
          atlas: {
            layout,
            channels: [...Array(tiles.count).keys()],
            ranges: Array(tiles.count).fill(range),
            layerShape: weights.shape,
          },
          mode: tiles.mode,
          inputChannels: tiles.inputChannels,
          scale: tiles.scale,
        },
      };
    }
    case 'architecture':
      return {
        data: { kind: 'architecture', rows: summarize(network.plan, network.spec.input), input: network.spec.input },
      };
    default:
      // Style figures read a painting and several networks: computeStyleFigure takes those inputs.
      throw new Error(`Figure ${recipe.kind} is a style figure: compute it with computeStyleFigure.`);
  }
}

function need(photo: PhotoAnalysis | undefined): PhotoAnalysis {
  if (!photo) throw new Error('This figure is computed from a photo, and none was given.');
  return photo;
}
