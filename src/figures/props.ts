/**
 * The author's vocabulary: each figure component's props as a Zod schema, and their translation into the
 * engine's recipe. The precompute script validates every figure an article declares against these (with
 * file and line); the Astro components parse the same props to find the precomputed result.
 */
import { z } from 'zod';
import { RESIZE_MODES, type ResizeMode } from '../engine/image/preprocess.ts';
import type { Recipe } from '../engine/figures/recipe.ts';
import { DEFAULT_MODEL } from '../registry/index.ts';
import { DREAM_COMPONENTS, toDreamRecipe } from './dream-props.ts';
import { STYLE_COMPONENTS } from './style-props.ts';
import type { BuildProfile } from './profiles.ts';

const model = z.string().default(DEFAULT_MODEL).describe('Registered model id (default tiny-darknet).');
const layer = z.string().describe('Keras layer name, e.g. conv2d_3 or block1_conv1.');
const image = z
  .string()
  .optional()
  .describe('Photo as "<file>" in images-photos or "<pack>/<file>"; default: the article\'s photo.');
const resize = z
  .enum(RESIZE_MODES as [ResizeMode, ...ResizeMode[]])
  .default('squash')
  .describe('How the photo fits the model input: squash, center-crop or short-side.');
const channels = z
  .union([z.literal('all'), z.array(z.number().int().nonnegative()).min(1)])
  .default('all')
  .describe('Channels to draw, in order, or "all".');
const whenFetched = z
  .boolean()
  .default(false)
  .describe("Show the figure only when the model's weights for the layer are fetched (else a note says how).");

export const FeatureMapGridProps = z.object({
  model,
  layer,
  image,
  channels,
  /** Tiles per row; default: a near-square grid. */
  columns: z.number().int().positive().max(64).optional().describe('Tiles per row (default: near-square).'),
  resize,
  whenFetched,
});

export const ChannelSweepProps = z.object({
  model,
  layer,
  image,
  channels,
  resize,
  /** Channels shown per second. */
  fps: z.number().positive().max(30).default(3).describe('Channels shown per second.'),
  whenFetched,
});

export const FilterGalleryProps = z.object({
  model,
  layer,
  columns: z.number().int().positive().max(64).default(16).describe('Tiles per row.'),
  whenFetched,
});

export const ArchitectureTableProps = z.object({ model });

export const TopKProps = z.object({
  model,
  image,
  k: z.number().int().min(1).max(20).default(5).describe('How many classes to list.'),
  resize,
});

/** The MDX component names authors write, with their props schema. */
export const FIGURE_COMPONENTS = {
  FeatureMapGrid: FeatureMapGridProps,
  ChannelSweep: ChannelSweepProps,
  FilterGallery: FilterGalleryProps,
  ArchitectureTable: ArchitectureTableProps,
  TopK: TopKProps,
  ...DREAM_COMPONENTS,
  ...STYLE_COMPONENTS,
} as const;
export type FigureComponent = keyof typeof FIGURE_COMPONENTS;

/** The registered models a figure uses (for the page's model list), from its props with their defaults. */
export function figureModels(component: FigureComponent, raw: Record<string, unknown>): string[] {
  const parsed = FIGURE_COMPONENTS[component].safeParse(raw);
  if (!parsed.success) return [];
  const props = parsed.data as { model?: string; styles?: string[] };
  return props.styles ? props.styles.map((s) => `fast-style-${s}`) : props.model ? [props.model] : [];
}

/** What a recipe needs to know beyond the props: the article's photo and the layer's channel count. */
export interface RecipeContext {
  /** The article's photo ("<pack>/<file>"), used when a figure names none. */
  photo: string;
  /** Channels of a layer's output (from the model topology). */
  channelCount: (model: string, layer: string) => number;
  /** The build profile (sets the optimisation figures' size and steps). */
  profile: BuildProfile;
}

/** Resolves an author's image name to "<pack>/<file>": a bare file name means images-photos. */
export function imageRef(name: string): string {
  if (name.includes('/')) return name.startsWith('images-') ? name : `images-${name}`;
  return `images-photos/${name}`;
}

/** Props (already parsed by the component's schema) to the engine recipe. */
export function toRecipe(component: FigureComponent, props: Record<string, unknown>, context: RecipeContext): Recipe {
  const photo = (image: string | undefined) => imageRef(image ?? context.photo);
  const channelList = (model: string, layer: string, chosen: 'all' | number[]) =>
    chosen === 'all' ? [...Array(context.channelCount(model, layer)).keys()] : chosen;
  switch (component) {
    case 'FeatureMapGrid': {
      const p = props as z.infer<typeof FeatureMapGridProps>;
      const channels = channelList(p.model, p.layer, p.channels);
      const columns = p.columns ?? Math.ceil(Math.sqrt(channels.length));
      return {
        kind: 'feature-maps',
        model: p.model,
        layer: p.layer,
        image: photo(p.image),
        resize: p.resize,
        channels,
        columns,
      };
    }
    case 'ChannelSweep': {
      const p = props as z.infer<typeof ChannelSweepProps>;
      return {
        kind: 'channel-sweep',
        model: p.model,
        layer: p.layer,
        image: photo(p.image),
        resize: p.resize,
        channels: channelList(p.model, p.layer, p.channels),
      };
    }
    case 'FilterGallery': {
      const p = props as z.infer<typeof FilterGalleryProps>;
      return { kind: 'filters', model: p.model, layer: p.layer, columns: p.columns };
    }
    case 'ArchitectureTable':
      return { kind: 'architecture', model: (props as z.infer<typeof ArchitectureTableProps>).model };
    case 'TopK': {
      const p = props as z.infer<typeof TopKProps>;
      return { kind: 'top-k', model: p.model, image: photo(p.image), resize: p.resize, k: p.k };
    }
    case 'DreamGallery':
    case 'ClassDream':
    case 'NaiveVsRecipe':
    case 'DeepDream':
      return toDreamRecipe(component, props, context.profile, photo(props.image as string | undefined));
    default:
      throw new Error(
        `${component} is a style figure: its recipe comes from toStyleRecipe (src/figures/style-props.ts).`,
      );
  }
}
